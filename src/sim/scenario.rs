//! The scenario as a timetable: every step of the topology expanded to
//! (time, node, command), with steps for many UEs spread at their rate.

use crate::nodes::{Command, NodeId, Time};
use crate::topology::{Target, Topology};

/// The commands of `topo`'s scenario, in time order.
pub fn timetable(topo: &Topology) -> Vec<(Time, NodeId, Command)> {
    let ues: Vec<NodeId> = topo.ues().map(|(id, _)| id).collect();
    let mut out = Vec::new();
    for step in &topo.scenario {
        let start = Time::ZERO + step.at;
        match &step.target {
            Target::Node(id) => out.push((start, *id, step.command.clone())),
            Target::AllUes => {
                for (i, id) in ues.iter().enumerate() {
                    let offset = match step.rate {
                        Some(r) if r > 0.0 => (i as f64 / r * 1e6) as u64,
                        _ => 0,
                    };
                    out.push((Time(start.0 + offset), *id, step.command.clone()));
                }
            }
        }
    }
    out.sort_by_key(|(t, _, _)| *t);
    out
}

//! Measuring the UI under load without a terminal: the same session the
//! terminal loop drives runs as fast as the CPU allows, and every frame is drawn
//! into a `TestBackend` of the terminal's size (the same drawing code,
//! without the terminal's output). Reports frame times, the events handled
//! per second, and checks the pcap holds every message.

use super::engine::Speed;
use super::session::{Session, SessionOptions};
use crate::nodes::Time;
use crate::topology::Topology;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fmt;
use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a measurement gives.
#[derive(Debug, Clone)]
pub struct Measure {
    /// Terminal size drawn.
    pub size: (u16, u16),
    /// UEs in the topology.
    pub ues: usize,
    /// UEs that reached their goal.
    pub reached: usize,
    /// Events handed to the UI (messages and node events).
    pub events: u64,
    /// Messages among them.
    pub messages: u64,
    /// Messages not on the simulated radio.
    pub non_uu: u64,
    /// Frames in the pcap, if one was written.
    pub pcap_frames: Option<u64>,
    /// Rows the ladder still holds, and rows it dropped.
    pub rows: (usize, u64),
    /// Wall-clock time of the whole run, drawing included.
    pub wall: Duration,
    /// Simulated time.
    pub simulated: Time,
    /// Time to draw each frame.
    pub frames: Vec<Duration>,
}

impl Measure {
    /// Events handled per wall-clock second (simulation and drawing).
    pub fn events_per_sec(&self) -> f64 {
        self.events as f64 / self.wall.as_secs_f64().max(1e-9)
    }

    /// Frame time at quantile `q` (0..=1).
    pub fn frame_quantile(&self, q: f64) -> Duration {
        let mut v = self.frames.clone();
        v.sort();
        let i = ((v.len().saturating_sub(1)) as f64 * q).round() as usize;
        v.get(i).copied().unwrap_or_default()
    }

    /// Mean frame time.
    pub fn frame_mean(&self) -> Duration {
        let total: Duration = self.frames.iter().sum();
        total / (self.frames.len().max(1) as u32)
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        writeln!(f, "terminal        {}x{}", self.size.0, self.size.1)?;
        writeln!(
            f,
            "UEs             {} of {} reached their goal",
            self.reached, self.ues
        )?;
        writeln!(
            f,
            "events          {} ({} messages, {} not on Uu) in {:.3} s wall, {} s simulated",
            self.events,
            self.messages,
            self.non_uu,
            self.wall.as_secs_f64(),
            self.simulated
        )?;
        writeln!(
            f,
            "events/s        {:.0} (simulation + model + drawing)",
            self.events_per_sec()
        )?;
        writeln!(
            f,
            "frames          {} drawn: mean {:.2} ms, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            self.frames.len(),
            ms(self.frame_mean()),
            ms(self.frame_quantile(0.5)),
            ms(self.frame_quantile(0.99)),
            ms(self.frame_quantile(1.0))
        )?;
        writeln!(
            f,
            "ladder rows     {} held, {} dropped (the pcap keeps all)",
            self.rows.0, self.rows.1
        )?;
        match self.pcap_frames {
            Some(n) => writeln!(
                f,
                "pcap            {n} frames for {} messages not on Uu: {}",
                self.non_uu,
                if n == self.non_uu {
                    "complete"
                } else {
                    "INCOMPLETE"
                }
            ),
            None => writeln!(f, "pcap            not written"),
        }
    }
}

/// Runs `topo` through a session at full speed, drawing a `width` x
/// `height` frame after each slice of `work` wall-clock time of simulation,
/// until every UE finished (plus one simulated second) or `max_time`.
pub fn measure(
    topo: Topology,
    pcap: Option<PathBuf>,
    width: u16,
    height: u16,
    work: Duration,
    max_time: Duration,
) -> io::Result<(Measure, Session)> {
    let ues = topo.ues().count();
    let with_pcap = pcap.is_some();
    let mut s = Session::new(
        topo,
        &SessionOptions {
            pcap,
            paused: false,
            // As fast as the CPU allows while there is work (the simulation
            // is "behind"), but never more than 1000 simulated seconds per
            // wall-clock second: the run stops close to its end.
            speed: Speed::Factor(1000.0),
        },
    )?;
    // The heaviest layout: the detail follows the newest message.
    s.app.detail_open = true;
    let Ok(mut term) = Terminal::new(TestBackend::new(width, height));
    let mut frames = Vec::new();
    let limit = Time::ZERO + max_time;
    let start = Instant::now();
    loop {
        s.tick(work, Instant::now() + work);
        let t0 = Instant::now();
        let Ok(_) = term.draw(|f| s.draw(f));
        frames.push(t0.elapsed());
        if s.tracker.all_finished() || s.engine.idle() || s.engine.now() > limit {
            break;
        }
    }
    // One more simulated second at real-time pace, as `run` settles, so the
    // last messages (Modify Bearer, ...) are in.
    s.app.speed = Speed::Factor(1.0);
    s.tick(
        Duration::from_secs(1),
        Instant::now() + Duration::from_secs(60),
    );
    let t0 = Instant::now();
    let Ok(_) = term.draw(|f| s.draw(f));
    frames.push(t0.elapsed());
    let wall = start.elapsed();
    let m = Measure {
        size: (width, height),
        ues,
        reached: s.tracker.reached(),
        events: s.app.events,
        messages: s.app.messages,
        non_uu: s.non_uu_messages(),
        pcap_frames: with_pcap.then(|| s.pcap_frames()),
        rows: (s.app.rows.held(), s.app.rows.dropped()),
        wall,
        simulated: s.engine.now(),
        frames,
    };
    Ok((m, s))
}

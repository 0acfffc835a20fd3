//! `update`: the model's reaction to an action. Pure: it changes the
//! [`App`] and returns what the simulator should do, if anything; the
//! session carries that out.

use super::action::{Action, UeAction};
use super::app::{App, Focus, Prompt, PromptKind};
use super::engine::Speed;
use super::rows::{Filter, PROTOS, Proto, parse_iface};
use crate::nodes::{Command, HssCommand, NodeId, UeCommand};
use std::path::PathBuf;

/// What the simulator or the files must do after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Hand out one more message.
    Step,
    /// Start the scenario again.
    Restart,
    /// Queue a command for a node now.
    Command(NodeId, Command),
    /// Add this many UEs (copies of the selected one) and restart.
    AddUes(usize),
    /// Write the shown messages to this pcap.
    Export(PathBuf),
}

/// The APN the ims keys open and close.
pub const IMS_APN: &str = "ims";

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    app.dirty = true;
    if !matches!(action, Action::Input(_) | Action::Erase) {
        app.toast = None;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::TogglePause => app.paused = !app.paused,
        Action::Step => {
            app.paused = true;
            app.follow = true;
            return Some(Effect::Step);
        }
        Action::Faster | Action::Slower => {
            app.speed = app.speed.shifted(action == Action::Faster);
            app.speed_before_max = None;
            app.toast = Some(format!("speed {}", app.speed.label()));
        }
        Action::ToggleMax => {
            if app.speed == Speed::Max {
                app.speed = app.speed_before_max.take().unwrap_or(Speed::Factor(1.0));
            } else {
                app.speed_before_max = Some(app.speed);
                app.speed = Speed::Max;
            }
            app.toast = Some(format!("speed {}", app.speed.label()));
        }
        Action::Restart => return Some(Effect::Restart),
        Action::Up(n) => move_by(app, -(n as i64)),
        Action::Down(n) => move_by(app, n as i64),
        Action::PageUp => {
            let n = page(app);
            move_by(app, -(n as i64));
        }
        Action::PageDown => {
            let n = page(app);
            move_by(app, n as i64);
        }
        Action::Top => move_by(app, i64::MIN / 2),
        Action::Bottom => move_by(app, i64::MAX / 2),
        Action::Open => {
            if app.selected.and_then(|s| app.rows.get(s)).is_some() {
                app.detail_open = true;
                app.side_state = false;
                app.focus = Focus::Detail;
            }
        }
        Action::Back => {
            if app.prompt.take().is_some() {
            } else if app.help {
                app.help = false;
            } else if app.focus == Focus::Detail {
                app.focus = Focus::Ladder;
            } else if app.detail_open {
                app.detail_open = false;
            }
        }
        Action::SwitchFocus => {
            app.focus = match app.focus {
                Focus::Ladder if app.detail_open => Focus::Detail,
                _ => Focus::Ladder,
            };
        }
        Action::ToggleSide => app.side_state = !app.side_state,
        Action::CycleProto => {
            let mut f = app.rows.filter().clone();
            f.proto = match f.proto {
                None => Some(PROTOS[0]),
                Some(p) => PROTOS
                    .iter()
                    .position(|x| *x == p)
                    .and_then(|i| PROTOS.get(i + 1))
                    .copied(),
            };
            set_filter(app, f);
        }
        Action::ToggleUeFilter => {
            let mut f = app.rows.filter().clone();
            f.ue = match f.ue {
                Some(_) => None,
                None => app
                    .selected_ue()
                    .and_then(|id| app.imsi_of(id))
                    .or_else(|| selected_ue_imsi(app)),
            };
            set_filter(app, f);
        }
        Action::ToggleNotes => {
            let mut f = app.rows.filter().clone();
            f.hide_notes = !f.hide_notes;
            set_filter(app, f);
        }
        Action::ClearFilter => set_filter(app, Filter::default()),
        Action::Prompt(kind) => {
            let input = prompt_default(app, kind);
            app.prompt = Some(Prompt { kind, input });
        }
        Action::Input(c) => {
            if let Some(p) = &mut app.prompt {
                p.input.push(c);
            }
        }
        Action::Erase => {
            if let Some(p) = &mut app.prompt {
                p.input.pop();
            }
        }
        Action::Submit => {
            let p = app.prompt.take()?;
            return submit(app, p);
        }
        Action::NextUe | Action::PrevUe => {
            let n = app.ue_ids.len();
            if n > 0 {
                app.ue_cursor = if action == Action::NextUe {
                    (app.ue_cursor + 1) % n
                } else {
                    (app.ue_cursor + n - 1) % n
                };
                let name = app.selected_ue().map(|id| app.name(id).to_string());
                app.toast = name.map(|n| format!("UE {n}"));
            }
        }
        Action::Ue(a) => {
            let ue = app.selected_ue()?;
            let cmd = match a {
                UeAction::Attach => UeCommand::Attach,
                UeAction::Detach => UeCommand::Detach,
                UeAction::OpenIms => UeCommand::OpenPdn(IMS_APN.into()),
                UeAction::CloseIms => UeCommand::ClosePdn(IMS_APN.into()),
                UeAction::Register => UeCommand::ImsRegister,
                UeAction::Deregister => UeCommand::ImsDeregister,
            };
            app.toast = Some(format!("{} <- {cmd:?}", app.name(ue)));
            return Some(Effect::Command(ue, Command::Ue(cmd)));
        }
        Action::HssDeregister => {
            let Some(hss) = app.hss else {
                app.toast = Some("this topology has no HSS".into());
                return None;
            };
            let ue = app.selected_ue()?;
            let impu = app.impu(ue)?;
            app.toast = Some(format!(
                "{} <- administrative de-registration of {impu}",
                app.name(hss)
            ));
            return Some(Effect::Command(
                hss,
                Command::Hss(HssCommand::Deregister { impu }),
            ));
        }
        Action::Explain => {
            let n = app.explainer.list.len();
            if n == 0 {
                app.toast = Some("nothing to explain (yet)".into());
                return None;
            }
            let mut i = app.explain_at.min(n - 1);
            let on_it = app.explainer.list[i].target.is_some()
                && app.explainer.list[i].target == app.selected;
            if on_it {
                i = (i + 1) % n;
            }
            app.jump_to_explanation(i);
        }
        Action::ToggleExplain => app.show_explain = !app.show_explain,
        Action::Help => app.help = !app.help,
    }
    None
}

fn page(app: &App) -> usize {
    match app.focus {
        Focus::Ladder => app.page,
        Focus::Detail => app.detail_page,
    }
    .max(1)
}

fn move_by(app: &mut App, delta: i64) {
    if app.focus == Focus::Detail
        && let Some(d) = &mut app.detail
    {
        let last = d.ins.lines.len().saturating_sub(1) as i64;
        d.cursor = (d.cursor as i64).saturating_add(delta).clamp(0, last) as usize;
        return;
    }
    let n = app.rows.len();
    if n == 0 {
        return;
    }
    let last = (n - 1) as i64;
    let here = app.selected_position().map_or(last, |p| p as i64);
    let to = here.saturating_add(delta).clamp(0, last);
    app.selected = app.rows.seq_at(to as usize);
    // At the bottom the ladder follows the newest message again.
    app.follow = to == last && delta > 0;
}

fn selected_ue_imsi(app: &App) -> Option<u64> {
    app.selected
        .and_then(|s| app.rows.get(s))
        .and_then(|r| r.imsi)
}

fn set_filter(app: &mut App, f: Filter) {
    app.rows.set_filter(f);
    if app.selected_position().is_none() {
        app.follow = true;
    }
    let text = app.rows.filter().describe(|i| app.ue_label(i));
    app.toast = Some(if text.is_empty() {
        "no filter".into()
    } else {
        format!("filter: {text} ({} rows)", app.rows.len())
    });
}

fn prompt_default(app: &App, kind: PromptKind) -> String {
    match kind {
        PromptKind::Filter => {
            let f = app.rows.filter();
            let mut v = Vec::new();
            if let Some(u) = f.ue {
                v.push(format!("ue:{u}"));
            }
            if let Some(p) = f.proto {
                v.push(format!("proto:{}", p.label()));
            }
            if let Some(i) = f.iface {
                v.push(format!("iface:{}", i.name()));
            }
            if let Some(t) = &f.text {
                v.push(t.clone());
            }
            v.join(" ")
        }
        PromptKind::Message => {
            let me = app.ue_cursor;
            let other = app
                .ue_ids
                .iter()
                .cycle()
                .skip(me + 1)
                .take(app.ue_ids.len())
                .find(|id| Some(**id) != app.selected_ue())
                .and_then(|id| app.impu(*id))
                .unwrap_or_default();
            format!("{other} hello")
        }
        PromptKind::AddUes => "10".into(),
        PromptKind::Export => format!("{}-shown.pcap", app.topology),
    }
}

/// Parses a filter as typed: `ue:X proto:X iface:X notes:off` and words.
pub fn parse_filter(app: &App, input: &str) -> Result<Filter, String> {
    let mut f = Filter {
        hide_notes: app.rows.filter().hide_notes,
        ..Filter::default()
    };
    let mut words = Vec::new();
    for tok in input.split_whitespace() {
        match tok.split_once(':') {
            Some(("ue", v)) => {
                f.ue = Some(
                    app.find_ue(v)
                        .ok_or_else(|| format!("no UE '{v}' (give an IMSI, IMPU or UE name)"))?,
                );
            }
            Some(("proto", v)) => {
                f.proto = Some(Proto::parse(v).ok_or_else(|| {
                    format!("no protocol '{v}' (s1ap nas gtpv2-c gtp-u diameter sip ip)")
                })?);
            }
            Some(("iface", v)) => {
                f.iface = Some(parse_iface(v).ok_or_else(|| {
                    format!("no interface '{v}' (Uu S1-MME S1-U S11 S6a Gm Mw Cx SGi)")
                })?);
            }
            Some(("notes", v)) => f.hide_notes = matches!(v, "off" | "no" | "hide"),
            _ => words.push(tok.to_lowercase()),
        }
    }
    if !words.is_empty() {
        f.text = Some(words.join(" "));
    }
    Ok(f)
}

fn submit(app: &mut App, p: Prompt) -> Option<Effect> {
    match p.kind {
        PromptKind::Filter => match parse_filter(app, &p.input) {
            Ok(f) => set_filter(app, f),
            Err(e) => app.toast = Some(e),
        },
        PromptKind::Message => {
            let input = p.input.trim();
            let (to, text) = input.split_once(char::is_whitespace).unwrap_or((input, ""));
            let text = if text.trim().is_empty() {
                "hello".to_string()
            } else {
                text.trim().to_string()
            };
            let to = if to.starts_with("sip:") || to.starts_with("tel:") {
                Some(to.to_string())
            } else {
                app.find_ue(to)
                    .and_then(|i| app.ue_of(i))
                    .and_then(|id| app.impu(id))
            };
            let Some(to) = to else {
                app.toast = Some("give the recipient as an IMPU, IMSI or UE name".into());
                return None;
            };
            let ue = app.selected_ue()?;
            app.toast = Some(format!("{} sends MESSAGE to {to}", app.name(ue)));
            return Some(Effect::Command(
                ue,
                Command::Ue(UeCommand::SendMessage { to, text }),
            ));
        }
        PromptKind::AddUes => match p.input.trim().parse::<usize>() {
            Ok(n) if (1..=100_000).contains(&n) => return Some(Effect::AddUes(n)),
            _ => app.toast = Some("give a number of UEs from 1 to 100000".into()),
        },
        PromptKind::Export => {
            let path = p.input.trim();
            if path.is_empty() {
                app.toast = Some("give a file name".into());
            } else {
                return Some(Effect::Export(PathBuf::from(path)));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nodes::Iface;
    use crate::tui::engine::Engine;

    fn app_after(name: &str, steps: usize) -> App {
        let text = match name {
            "two-ues" => include_str!("../../topologies/two-ues.yaml"),
            _ => include_str!("../../topologies/default.yaml"),
        };
        let topo = crate::topology::load_from_str(text).unwrap().topology;
        let mut e = Engine::new(topo.clone());
        let mut app = App::new(&topo, e.skipped(), true, Speed::Factor(1.0));
        for _ in 0..steps {
            e.step_message(&mut |ev| app.ingest(ev));
        }
        app.sync();
        app
    }

    #[test]
    fn update_moves_the_selection_and_follows_only_at_the_bottom() {
        let mut app = app_after("default", 20);
        assert!(app.follow);
        let newest = app.selected;
        assert_eq!(update(&mut app, Action::Up(3)), None);
        assert!(!app.follow);
        assert_ne!(app.selected, newest);
        update(&mut app, Action::Top);
        assert_eq!(app.selected_position(), Some(0));
        update(&mut app, Action::Down(1));
        assert_eq!(app.selected_position(), Some(1));
        update(&mut app, Action::Bottom);
        assert!(app.follow);
        // Enter opens the detail and gives it the keys; esc twice closes it.
        update(&mut app, Action::Open);
        assert!(app.detail_open);
        assert_eq!(app.focus, Focus::Detail);
        update(&mut app, Action::Back);
        assert_eq!(app.focus, Focus::Ladder);
        update(&mut app, Action::Back);
        assert!(!app.detail_open);
    }

    #[test]
    fn update_asks_the_engine_to_step_and_pauses() {
        let mut app = app_after("default", 0);
        app.paused = false;
        assert_eq!(update(&mut app, Action::Step), Some(Effect::Step));
        assert!(app.paused);
        assert_eq!(update(&mut app, Action::TogglePause), None);
        assert!(!app.paused);
        update(&mut app, Action::Faster);
        assert_eq!(app.speed, Speed::Factor(10.0));
        update(&mut app, Action::ToggleMax);
        assert_eq!(app.speed, Speed::Max);
        update(&mut app, Action::ToggleMax);
        assert_eq!(app.speed, Speed::Factor(10.0));
        assert_eq!(update(&mut app, Action::Restart), Some(Effect::Restart));
        update(&mut app, Action::Quit);
        assert!(app.quit);
    }

    #[test]
    fn update_parses_filters_and_rebuilds_the_view() {
        let mut app = app_after("default", 38);
        let all = app.rows.len();
        let f = parse_filter(&app, "ue:001010000000001 proto:nas iface:S1-MME attach").unwrap();
        assert_eq!(f.ue, Some(1_010_000_000_001));
        assert_eq!(f.proto, Some(Proto::Nas));
        assert_eq!(f.iface, Some(Iface::S1Mme));
        assert_eq!(f.text.as_deref(), Some("attach"));
        // An IMPU names the UE too.
        let f = parse_filter(
            &app,
            "ue:sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org",
        )
        .unwrap();
        assert_eq!(f.ue, Some(1_010_000_000_001));
        assert!(
            parse_filter(&app, "proto:smtp")
                .unwrap_err()
                .contains("smtp")
        );
        assert!(
            parse_filter(&app, "ue:nobody")
                .unwrap_err()
                .contains("nobody")
        );
        assert!(parse_filter(&app, "iface:X2").unwrap_err().contains("X2"));
        update(&mut app, Action::Prompt(PromptKind::Filter));
        for c in "proto:diameter".chars() {
            update(&mut app, Action::Input(c));
        }
        assert_eq!(update(&mut app, Action::Submit), None);
        let shown = app.rows.len();
        assert!(shown > 0 && shown < all, "{shown} of {all}");
        assert!((0..shown).all(|i| {
            matches!(
                app.rows.at(i).and_then(|r| r.iface()),
                Some(Iface::S6a | Iface::Cx)
            )
        }));
        update(&mut app, Action::CycleProto);
        assert_eq!(app.rows.filter().proto, Some(Proto::Sip));
        update(&mut app, Action::ClearFilter);
        assert_eq!(app.rows.len(), all);
        update(&mut app, Action::ToggleNotes);
        assert!(app.rows.len() < all);
    }

    #[test]
    fn update_sends_commands_to_the_selected_ue_and_the_hss() {
        let mut app = app_after("two-ues", 0);
        let alice = app.ue_ids[0];
        let bob = app.ue_ids[1];
        assert_eq!(
            update(&mut app, Action::Ue(UeAction::Detach)),
            Some(Effect::Command(alice, Command::Ue(UeCommand::Detach)))
        );
        assert_eq!(
            update(&mut app, Action::Ue(UeAction::OpenIms)),
            Some(Effect::Command(
                alice,
                Command::Ue(UeCommand::OpenPdn("ims".into()))
            ))
        );
        update(&mut app, Action::NextUe);
        assert_eq!(app.selected_ue(), Some(bob));
        let hss = app.hss.unwrap();
        let Some(Effect::Command(to, Command::Hss(HssCommand::Deregister { impu }))) =
            update(&mut app, Action::HssDeregister)
        else {
            panic!("no HSS command");
        };
        assert_eq!(to, hss);
        assert_eq!(impu, app.impu(bob).unwrap());
        // MESSAGE from bob: the prompt offers alice's IMPU.
        update(&mut app, Action::Prompt(PromptKind::Message));
        let alice_impu = app.impu(alice).unwrap();
        assert_eq!(
            app.prompt.as_ref().unwrap().input,
            format!("{alice_impu} hello")
        );
        assert_eq!(
            update(&mut app, Action::Submit),
            Some(Effect::Command(
                bob,
                Command::Ue(UeCommand::SendMessage {
                    to: alice_impu,
                    text: "hello".into()
                })
            ))
        );
        // A recipient given by name.
        update(&mut app, Action::Prompt(PromptKind::Message));
        app.prompt.as_mut().unwrap().input = "alice see you".into();
        let Some(Effect::Command(_, Command::Ue(UeCommand::SendMessage { to, text }))) =
            update(&mut app, Action::Submit)
        else {
            panic!("no MESSAGE");
        };
        assert_eq!((to, text.as_str()), (app.impu(alice).unwrap(), "see you"));
    }

    #[test]
    fn update_reads_the_add_and_export_prompts() {
        let mut app = app_after("default", 0);
        update(&mut app, Action::Prompt(PromptKind::AddUes));
        assert_eq!(app.prompt.as_ref().unwrap().input, "10");
        update(&mut app, Action::Erase);
        assert_eq!(update(&mut app, Action::Submit), Some(Effect::AddUes(1)));
        update(&mut app, Action::Prompt(PromptKind::AddUes));
        update(&mut app, Action::Input('x'));
        assert_eq!(update(&mut app, Action::Submit), None);
        assert!(app.toast.as_deref().unwrap().contains("number of UEs"));
        update(&mut app, Action::Prompt(PromptKind::Export));
        assert_eq!(
            update(&mut app, Action::Submit),
            Some(Effect::Export("default-shown.pcap".into()))
        );
        // Esc drops a prompt.
        update(&mut app, Action::Prompt(PromptKind::Export));
        update(&mut app, Action::Back);
        assert!(app.prompt.is_none());
    }
}

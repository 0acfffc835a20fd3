//! A session glues the model to the simulator and the files: it turns keys
//! into actions, carries out the effects `update` asks for, feeds every
//! event to the model and to the pcap, and draws. The terminal loop, the
//! tests and the measurement all drive a session.

use super::action::{Action, from_key};
use super::app::App;
use super::engine::{Engine, Progress, Speed, add_ues};
use super::ui;
use super::update::{Effect, update};
use crate::events::capture::Capture;
use crate::events::event::Event;
use crate::nodes::Iface;
use crate::run::report::Tracker;
use crate::topology::Topology;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How a session starts.
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// Write every message to this pcap (all of them, whatever is shown).
    pub pcap: Option<PathBuf>,
    /// Start paused.
    pub paused: bool,
    /// Speed while running.
    pub speed: Speed,
}

impl Default for SessionOptions {
    fn default() -> Self {
        Self {
            pcap: None,
            paused: false,
            speed: Speed::Factor(1.0),
        }
    }
}

struct PcapFile {
    path: PathBuf,
    capture: Capture<BufWriter<File>>,
    error: Option<String>,
}

impl PcapFile {
    fn create(path: &Path, topo: &Topology) -> io::Result<Self> {
        let w = BufWriter::new(File::create(path)?);
        Ok(Self {
            path: path.to_path_buf(),
            capture: Capture::new(w, topo)?,
            error: None,
        })
    }
}

/// The model, the simulator and the pcap of one run.
pub struct Session {
    /// The model.
    pub app: App,
    /// The simulator.
    pub engine: Engine,
    /// What the run produced (the summary printed on leaving).
    pub tracker: Tracker,
    pcap: Option<PcapFile>,
    non_uu: u64,
}

impl Session {
    /// A session on `topo`; creates the pcap file if asked.
    pub fn new(topo: Topology, opts: &SessionOptions) -> io::Result<Self> {
        let pcap = match &opts.pcap {
            Some(p) => Some(PcapFile::create(p, &topo)?),
            None => None,
        };
        let engine = Engine::new(topo);
        let app = App::new(engine.topology(), engine.skipped(), opts.paused, opts.speed);
        let tracker = Tracker::new(engine.topology());
        Ok(Self {
            app,
            engine,
            tracker,
            pcap,
            non_uu: 0,
        })
    }

    /// Messages handed out that are not on the simulated radio (the pcap
    /// must hold exactly these).
    pub fn non_uu_messages(&self) -> u64 {
        self.non_uu
    }

    /// Frames written to the pcap so far.
    pub fn pcap_frames(&self) -> u64 {
        self.pcap.as_ref().map_or(0, |p| p.capture.frames())
    }

    fn sink<'a>(
        app: &'a mut App,
        tracker: &'a mut Tracker,
        pcap: &'a mut Option<PcapFile>,
        non_uu: &'a mut u64,
    ) -> impl FnMut(&Event) + 'a {
        move |e: &Event| {
            app.ingest(e);
            tracker.observe(e);
            if let Event::Message(m) = e
                && m.iface != Iface::Uu
            {
                *non_uu += 1;
            }
            if let Some(p) = pcap.as_mut()
                && let Err(err) = p.capture.observe(e)
            {
                p.error.get_or_insert(err.to_string());
            }
        }
    }

    /// A key press.
    pub fn key(&mut self, key: KeyEvent) {
        if let Some(a) = from_key(&self.app, key) {
            self.act(a);
        }
    }

    /// An action.
    pub fn act(&mut self, a: Action) {
        if let Some(effect) = update(&mut self.app, a) {
            self.apply(effect);
        }
    }

    /// Carries out an effect.
    pub fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::Step => {
                let stepped = {
                    let mut sink = Self::sink(
                        &mut self.app,
                        &mut self.tracker,
                        &mut self.pcap,
                        &mut self.non_uu,
                    );
                    self.engine.step_message(&mut sink)
                };
                if !stepped {
                    self.app.toast = Some("nothing left to step: the run is over".into());
                }
            }
            Effect::Restart => {
                self.restart();
                self.app.toast = Some("scenario restarted".into());
            }
            Effect::Command(node, cmd) => self.engine.command(node, cmd),
            Effect::AddUes(n) => {
                let template = self.app.selected_ue();
                match add_ues(self.engine.topology(), template, n) {
                    Ok((topo, imsis)) => {
                        self.engine.set_topology(topo);
                        self.restart();
                        self.app.toast = Some(format!(
                            "added {n} UEs ({}..{}); scenario restarted",
                            imsis.first().map_or("", String::as_str),
                            imsis.last().map_or("", String::as_str)
                        ));
                    }
                    Err(e) => self.app.toast = Some(format!("cannot add UEs: {e}")),
                }
            }
            Effect::Export(path) => {
                self.app.toast = Some(match self.export(&path) {
                    Ok(n) => format!("wrote {n} frames to {}", path.display()),
                    Err(e) => format!("cannot write {}: {e}", path.display()),
                });
            }
        }
        self.app.dirty = true;
    }

    fn restart(&mut self) {
        self.engine.restart();
        let topo = self.engine.topology();
        self.app.reset(topo, self.engine.skipped());
        self.tracker = Tracker::new(topo);
        self.non_uu = 0;
        if let Some(old) = self.pcap.take() {
            // Close the old capture before the file is truncated, so its
            // buffered tail does not land in the new one.
            let path = old.path.clone();
            drop(old);
            self.pcap = match PcapFile::create(&path, topo) {
                Ok(p) => Some(p),
                Err(e) => {
                    self.app.toast = Some(format!("cannot rewrite {}: {e}", path.display()));
                    None
                }
            };
        }
    }

    /// Writes the messages the ladder shows (filter applied, radio left
    /// out) to a pcap; returns the number of frames.
    pub fn export(&self, path: &Path) -> io::Result<u64> {
        let w = BufWriter::new(File::create(path)?);
        let mut c = Capture::new(w, self.engine.topology())?;
        for i in 0..self.app.rows.len() {
            if let Some(m) = self.app.rows.at(i).and_then(|r| r.message()) {
                c.write(m)?;
            }
        }
        let n = c.frames();
        c.finish()?;
        Ok(n)
    }

    /// Lets the simulation run for `wall` of wall-clock time (unless
    /// paused), stopping at `deadline`.
    pub fn tick(&mut self, wall: Duration, deadline: Instant) -> Progress {
        if self.app.paused {
            return Progress::default();
        }
        let speed = self.app.speed;
        let p = {
            let mut sink = Self::sink(
                &mut self.app,
                &mut self.tracker,
                &mut self.pcap,
                &mut self.non_uu,
            );
            self.engine.advance(wall, speed, deadline, &mut sink)
        };
        let now = self.engine.now();
        if self.app.now != now || self.app.behind != p.behind {
            self.app.dirty = true;
        }
        self.app.now = now;
        self.app.behind = p.behind;
        let idle = self.engine.idle();
        if idle != self.app.idle {
            self.app.idle = idle;
            self.app.dirty = true;
        }
        if let Some(e) = self.pcap.as_ref().and_then(|p| p.error.clone()) {
            self.app.toast = Some(format!("writing the pcap failed: {e}"));
        }
        p
    }

    /// Draws the screen.
    pub fn draw(&mut self, f: &mut Frame) {
        self.app.sync();
        ui::draw(f, &mut self.app);
    }

    /// Flushes the pcap; returns its path and frame count.
    pub fn finish(self) -> io::Result<Option<(PathBuf, u64)>> {
        match self.pcap {
            Some(p) => {
                let n = p.capture.frames();
                if let Some(e) = p.error {
                    return Err(io::Error::other(e));
                }
                p.capture.write_esp_sa(&p.path)?;
                p.capture.finish()?;
                Ok(Some((p.path, n)))
            }
            None => Ok(None),
        }
    }
}

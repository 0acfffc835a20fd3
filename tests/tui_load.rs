//! The UI with 1,000 UEs (topologies/load-1k.yaml): the run goes through
//! the same session as the terminal, every frame drawn into a `TestBackend`;
//! the test prints the frame times and events per second (debug build, so
//! the figures are pessimistic), checks the UI stayed responsive, the ladder
//! stayed bounded and collapsed the UEs into one lane, and that the pcap
//! written on the way holds every message that is not on the radio.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;
use volte_sim::tui::app::DEFAULT_ROWS;
use volte_sim::tui::bench::measure;

/// Counts the records of a pcap file (classic format, little endian).
fn pcap_records(bytes: &[u8]) -> u64 {
    assert_eq!(&bytes[..4], &[0xd4, 0xc3, 0xb2, 0xa1], "pcap magic");
    let mut at = 24;
    let mut n = 0;
    while at + 16 <= bytes.len() {
        let incl = u32::from_le_bytes(bytes[at + 8..at + 12].try_into().unwrap()) as usize;
        at += 16 + incl;
        n += 1;
    }
    assert_eq!(at, bytes.len(), "the last record is whole");
    n
}

#[test]
fn tui_stays_responsive_with_1000_ues_and_writes_a_complete_pcap() {
    let topo = volte_sim::topology::load_from_path("topologies/load-1k.yaml")
        .unwrap()
        .topology;
    let pcap = std::env::temp_dir().join(format!("volte-sim-tui-load-{}.pcap", std::process::id()));
    let (m, mut session) = measure(
        topo,
        Some(pcap.clone()),
        160,
        48,
        Duration::from_millis(16),
        Duration::from_secs(600),
    )
    .unwrap();
    println!("{m}");
    assert_eq!(m.ues, 1000);
    assert_eq!(m.reached, 1000, "{m}");
    // Responsive: every frame draws in well under a second even in a debug
    // build on a shared machine, and most frames in a few milliseconds.
    assert!(m.frames.len() > 10, "{m}");
    assert!(m.frame_quantile(1.0) < Duration::from_millis(500), "{m}");
    assert!(m.frame_quantile(0.5) < Duration::from_millis(100), "{m}");
    assert!(m.events > 50_000, "{m}");
    // The model is bounded; the UEs share one lane.
    assert!(m.rows.0 <= DEFAULT_ROWS);
    let mut t = Terminal::new(TestBackend::new(160, 48)).unwrap();
    t.draw(|f| session.draw(f)).unwrap();
    let header: String = (0..160)
        .map(|x| t.backend().buffer()[(x, 2)].symbol().to_string())
        .collect();
    assert!(header.contains("UEs"), "{header}");
    // Complete pcap: one frame per message not on the simulated radio.
    let frames = session.pcap_frames();
    session.finish().unwrap();
    let bytes = std::fs::read(&pcap).unwrap();
    let _ = std::fs::remove_file(&pcap);
    assert_eq!(frames, m.non_uu);
    assert_eq!(pcap_records(&bytes), m.non_uu);
    assert!(m.non_uu > 20_000, "{m}");
}

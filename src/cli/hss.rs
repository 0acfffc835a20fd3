//! `volte-sim hss`: look at and change the HSS subscriber database, the
//! SQLite file a topology's HSS names with `db:`.

use crate::crypto::milenage::opc_from_op;
use crate::crypto::{Amf, K, Op, Opc, Sqn};
use crate::nodes::hss::store::{Impu, MAX_SQN, Store, StoreError, SubscriberRecord, Subscription};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `hss`.
#[derive(Debug, Args)]
#[command(
    about = "Manage the HSS subscriber database (the SQLite file of the topology's `db:`)",
    after_help = "The HSS seeds this file from the topology at start and stores every SQN \
        it hands out, so a restarted HSS never reuses one. Safe to use while the HSS runs.\n\n\
        Examples:\n  \
        volte-sim hss --db hss.db add --imsi 001010000000001 \
        --k 465b5ce8b199b49faa5f0a2ee238a6bc --opc cd63cb71954a9f4e48a5994e37a02baf \
        --msisdn 15550001 --apns internet,ims\n  \
        volte-sim hss --db hss.db list\n  \
        volte-sim hss --db hss.db show 001010000000001\n  \
        volte-sim hss --db hss.db set-sqn 001010000000001 0x000000000020\n  \
        volte-sim hss --db hss.db remove 001010000000001\n  \
        volte-sim hss --db hss.db deregister sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org\n\n\
        `deregister` works on a topology that is running with `db:` set to this file: the \
        command leaves the request in the database, the running HSS finds it within a \
        second (of its own time: use `run --realtime` to have that be the wall clock) and \
        sends a Registration-Termination-Request to the S-CSCF serving the identity, which \
        tells the UE with a NOTIFY."
)]
pub struct HssArgs {
    /// The database file (required; `add` creates it when missing).
    #[arg(long, value_name = "FILE", global = true)]
    pub db: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: HssCommand,
}

/// The `hss` subcommands.
#[derive(Debug, Subcommand)]
pub enum HssCommand {
    /// One line per subscriber: IMSI, MSISDN, next SQN, APNs.
    List,
    /// Everything stored about one subscriber; K and OPc print as <hidden>.
    Show {
        /// The subscriber's IMSI.
        imsi: String,
        /// Print K and OPc in hex.
        #[arg(long)]
        show_keys: bool,
    },
    /// Add a subscriber (creates the database file if needed).
    Add(Box<AddArgs>),
    /// Remove a subscriber and its IMS identities.
    Remove {
        /// The subscriber's IMSI.
        imsi: String,
    },
    /// Administrative de-registration of a public identity: the HSS running
    /// on this database sends RTR to its S-CSCF within a second.
    Deregister {
        /// The public identity (e.g. sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org).
        impu: String,
    },
    /// Set the next SQN the HSS will put in a vector (e.g. after a SIM swap).
    SetSqn {
        /// The subscriber's IMSI.
        imsi: String,
        /// The SQN: decimal (`1000`) or hex (`0x3e8`, or hex digits with a
        /// letter such as `ff9bb4d0b607`); at most 2^48 - 1.
        value: String,
    },
}

/// Arguments of `hss add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// IMSI: 6 to 15 digits.
    #[arg(long)]
    pub imsi: String,
    /// Subscriber key K: 32 hex digits.
    #[arg(long)]
    pub k: String,
    /// OPc: 32 hex digits (give this or --op).
    #[arg(long, required_unless_present = "op", conflicts_with = "op")]
    pub opc: Option<String>,
    /// Operator key OP: 32 hex digits; OPc is derived from K and OP (TS 35.206 4.1).
    #[arg(long)]
    pub op: Option<String>,
    /// MSISDN digits (a leading + is dropped).
    #[arg(long, default_value = "")]
    pub msisdn: String,
    /// The next SQN to use, decimal or hex as for set-sqn (a new USIM has
    /// accepted none, so 1 is the first it takes).
    #[arg(long, default_value = "1")]
    pub sqn: String,
    /// AMF, 4 hex digits (E-UTRAN vectors always get the separation bit).
    #[arg(long, default_value = "8000")]
    pub amf: String,
    /// Subscribed APNs, comma separated; the first is the default APN.
    #[arg(long, default_value = "internet,ims", value_delimiter = ',')]
    pub apns: Vec<String>,
    /// IMS private identity (e.g. 001010000000001@ims.mnc001.mcc001.3gppnetwork.org).
    #[arg(long)]
    pub impi: Option<String>,
    /// IMS public identity; repeat for the whole implicit registration set,
    /// default first (e.g. sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org).
    #[arg(long)]
    pub impu: Vec<String>,
}

/// What went wrong, and the exit code that says so.
#[derive(Debug)]
struct Failure {
    text: String,
    code: u8,
}

impl Failure {
    /// Bad input from the user: exit 2 (as clap does).
    fn usage(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            code: 2,
        }
    }

    /// A request that could not be done: exit 1.
    fn failed(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            code: 1,
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        let text = match &e {
            StoreError::NoDatabase(p) => format!(
                "no HSS database at {} (`volte-sim hss --db {} add ...` creates one)",
                p.display(),
                p.display()
            ),
            _ => e.to_string(),
        };
        Self::failed(text)
    }
}

/// Parses an SQN: `0x` hex, plain decimal, or hex digits with a letter.
pub fn parse_sqn(text: &str) -> Result<Sqn, String> {
    let t = text.trim();
    let value = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).ok()
    } else if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse::<u64>().ok()
    } else if !t.is_empty() && t.bytes().all(|b| b.is_ascii_hexdigit()) {
        u64::from_str_radix(t, 16).ok()
    } else {
        None
    };
    let v = value.ok_or_else(|| {
        format!("SQN '{text}' is neither decimal nor hex (use 0x for hex made of digits only)")
    })?;
    Sqn::new(v).ok_or_else(|| format!("SQN {v} does not fit in 48 bits (at most {MAX_SQN})"))
}

fn parse_key(what: &str, text: &str) -> Result<[u8; 16], Failure> {
    let t = text.trim();
    if t.len() != 32 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Failure::usage(format!(
            "--{what} must be 32 hex digits (16 bytes), got {} characters: '{t}'",
            t.len()
        )));
    }
    crate::codec::parse_hex(t)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| Failure::usage(format!("--{what}: '{t}' is not hex")))
}

fn check_imsi(imsi: &str) -> Result<(), Failure> {
    if (6..=15).contains(&imsi.len()) && imsi.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "IMSI '{imsi}' must be 6 to 15 digits (TS 23.003 2.2)"
        )))
    }
}

fn subscription(a: &AddArgs) -> Result<Subscription, Failure> {
    check_imsi(&a.imsi)?;
    let k = K::new(parse_key("k", &a.k)?);
    let opc = match (&a.opc, &a.op) {
        (Some(opc), _) => Opc::new(parse_key("opc", opc)?),
        (None, Some(op)) => opc_from_op(&k, &Op::new(parse_key("op", op)?)),
        (None, None) => return Err(Failure::usage("give --opc or --op")),
    };
    let msisdn = a.msisdn.trim().trim_start_matches('+').to_string();
    if !msisdn.bytes().all(|b| b.is_ascii_digit()) || msisdn.len() > 15 {
        return Err(Failure::usage(format!(
            "--msisdn '{}' must be at most 15 digits",
            a.msisdn
        )));
    }
    let sqn = parse_sqn(&a.sqn).map_err(|e| Failure::usage(format!("--sqn: {e}")))?;
    let amf: [u8; 2] = crate::codec::parse_hex(&a.amf)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| Failure::usage(format!("--amf '{}' must be 4 hex digits", a.amf)))?;
    let apns: Vec<String> = a
        .apns
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(bad) = apns.iter().find(|a| {
        !a.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    }) {
        return Err(Failure::usage(format!(
            "APN '{bad}' may hold only letters, digits, '-' and '.' (TS 23.003 9.1)"
        )));
    }
    Ok(Subscription {
        imsi: a.imsi.clone(),
        msisdn,
        k,
        opc,
        amf: Amf::new(amf),
        sqn,
        apns,
        impi: a.impi.clone(),
        impus: a.impu.iter().map(Impu::new).collect(),
    })
}

fn print_record(r: &SubscriberRecord, show_keys: bool) {
    let s = &r.subscription;
    let key = |b: &[u8]| {
        if show_keys {
            crate::codec::hex(b)
        } else {
            "<hidden>".to_string()
        }
    };
    let or_none = |v: Option<&str>| v.unwrap_or("-").to_string();
    println!("IMSI:       {}", s.imsi);
    println!(
        "MSISDN:     {}",
        if s.msisdn.is_empty() { "-" } else { &s.msisdn }
    );
    println!("K:          {}", key(s.k.as_bytes()));
    println!("OPc:        {}", key(s.opc.as_bytes()));
    println!("AMF:        {}", s.amf);
    println!(
        "SQN:        {} (0x{}, the next one a vector gets)",
        s.sqn.value(),
        s.sqn
    );
    let apns: Vec<String> = s
        .apns
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if i == 0 {
                format!("{a} (default)")
            } else {
                a.clone()
            }
        })
        .collect();
    println!(
        "APNs:       {}",
        if apns.is_empty() {
            "-".to_string()
        } else {
            apns.join(", ")
        }
    );
    println!("IMPI:       {}", or_none(s.impi.as_deref()));
    if s.impus.is_empty() {
        println!("IMPUs:      -");
    }
    for (i, u) in s.impus.iter().enumerate() {
        let label = if i == 0 { "IMPUs:" } else { "" };
        let barred = if u.barred { " (barred)" } else { "" };
        println!("{label:<12}{}{barred}", u.uri);
    }
    println!("IMS state:  {}", r.ims_state.name());
    println!("S-CSCF:     {}", or_none(r.scscf_name.as_deref()));
    println!(
        "MME:        {}",
        r.mme
            .as_ref()
            .map_or_else(|| "-".to_string(), |(h, realm)| format!("{h} ({realm})"))
    );
    println!("Purged:     {}", if r.purged { "yes" } else { "no" });
}

fn run_inner(args: &HssArgs) -> Result<(), Failure> {
    let Some(db) = args.db.as_deref() else {
        return Err(Failure::usage(
            "--db FILE is required: the HSS database to work on",
        ));
    };
    match &args.command {
        HssCommand::List => {
            let store = Store::open_existing(db)?;
            let all = store.list()?;
            if all.is_empty() {
                println!("no subscribers in {}", db.display());
                return Ok(());
            }
            println!("{:<16} {:<16} {:>16}  APNS", "IMSI", "MSISDN", "NEXT SQN");
            for r in all {
                let s = r.subscription;
                let msisdn = if s.msisdn.is_empty() { "-" } else { &s.msisdn };
                println!(
                    "{:<16} {:<16} {:>16}  {}",
                    s.imsi,
                    msisdn,
                    s.sqn.value(),
                    s.apns.join(",")
                );
            }
            Ok(())
        }
        HssCommand::Show { imsi, show_keys } => {
            let store = Store::open_existing(db)?;
            let r = store.get(imsi)?.ok_or_else(|| unknown(imsi, db))?;
            print_record(&r, *show_keys);
            Ok(())
        }
        HssCommand::Add(a) => {
            let sub = subscription(a)?;
            let created = !db.exists();
            let mut store = Store::open(db)?;
            store.add(&sub)?;
            println!(
                "added {} (next SQN {}){}",
                sub.imsi,
                sub.sqn.value(),
                if created {
                    format!("; created {}", db.display())
                } else {
                    String::new()
                }
            );
            Ok(())
        }
        HssCommand::Remove { imsi } => {
            let mut store = Store::open_existing(db)?;
            if !store.remove(imsi)? {
                return Err(unknown(imsi, db));
            }
            println!("removed {imsi}");
            Ok(())
        }
        HssCommand::Deregister { impu } => {
            let mut store = Store::open_existing(db)?;
            let Some(imsi) = store.imsi_for_impu(impu)? else {
                return Err(Failure::failed(format!(
                    "no subscriber has public identity {impu} in {}",
                    db.display()
                )));
            };
            store.queue_deregistration(impu)?;
            println!(
                "queued the de-registration of {impu} (IMSI {imsi}): the HSS running on {} sends RTR to its S-CSCF within a second",
                db.display()
            );
            Ok(())
        }
        HssCommand::SetSqn { imsi, value } => {
            let sqn = parse_sqn(value).map_err(Failure::usage)?;
            let mut store = Store::open_existing(db)?;
            if !store.set_sqn(imsi, sqn)? {
                return Err(unknown(imsi, db));
            }
            println!("next SQN of {imsi} set to {} (0x{sqn})", sqn.value());
            Ok(())
        }
    }
}

fn unknown(imsi: &str, db: &Path) -> Failure {
    Failure::failed(format!("no subscriber {imsi} in {}", db.display()))
}

/// Runs `hss`.
pub fn run(args: &HssArgs) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("error: {}", f.text);
            ExitCode::from(f.code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_sqn_reads_decimal_and_hex() {
        assert_eq!(parse_sqn("1000").unwrap().value(), 1000);
        assert_eq!(parse_sqn("0x3e8").unwrap().value(), 1000);
        assert_eq!(parse_sqn("ff9bb4d0b607").unwrap().value(), 0xff9b_b4d0_b607);
        assert!(
            parse_sqn("0x1000000000000")
                .unwrap_err()
                .contains("48 bits")
        );
        assert!(
            parse_sqn("12z")
                .unwrap_err()
                .contains("neither decimal nor hex")
        );
        assert!(parse_sqn("").is_err());
    }

    #[test]
    fn add_args_are_validated() {
        let mut a = AddArgs {
            imsi: "001010000000001".into(),
            k: "465b5ce8b199b49faa5f0a2ee238a6bc".into(),
            opc: None,
            op: Some("cdc202d5123e20f62b6d676ac72cb318".into()),
            msisdn: "+15550001".into(),
            sqn: "1".into(),
            amf: "8000".into(),
            apns: vec!["internet".into(), "ims".into()],
            impi: None,
            impu: vec![],
        };
        let s = subscription(&a).unwrap();
        // TS 35.208 test set 1: OP cdc2... gives OPc cd63...
        assert_eq!(
            crate::codec::hex(s.opc.as_bytes()),
            "cd63cb71954a9f4e48a5994e37a02baf"
        );
        assert_eq!(s.msisdn, "15550001");
        a.k = "465b".into();
        assert!(
            subscription(&a)
                .err()
                .unwrap()
                .text
                .contains("--k must be 32 hex digits")
        );
        a.k = "465b5ce8b199b49faa5f0a2ee238a6bc".into();
        a.imsi = "00101x".into();
        assert!(
            subscription(&a)
                .err()
                .unwrap()
                .text
                .contains("6 to 15 digits")
        );
    }
}

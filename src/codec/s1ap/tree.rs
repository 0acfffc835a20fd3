//! Human-readable trees of S1AP PDUs: typed messages show each IE under its
//! TS 36.413 name (NAS PDUs decoded inside); other procedures fall back to a
//! compacted rendering of the generated structure.

use super::*;
use crate::codec::Field;

fn ids(mme: MmeUeS1apId, enb: EnbUeS1apId) -> Vec<Field> {
    vec![
        Field::new("MME-UE-S1AP-ID", mme.0),
        Field::new("eNB-UE-S1AP-ID", enb.0),
    ]
}

fn nas(pdu: &[u8]) -> Field {
    match crate::codec::nas::tree(pdu) {
        Ok(t) => Field::group("NAS-PDU", vec![t]),
        Err(_) => Field::new("NAS-PDU", crate::codec::hex(pdu)),
    }
}

fn tai(t: &Tai) -> Field {
    Field::group(
        "TAI",
        vec![Field::new("PLMN", t.plmn), Field::new("TAC", t.tac)],
    )
}

fn ecgi(e: &Ecgi) -> Field {
    Field::group(
        "EUTRAN-CGI",
        vec![
            Field::new("PLMN", e.plmn),
            Field::new("Cell-ID", format!("0x{:07x}", e.cell_id)),
        ],
    )
}

fn qos(q: &ErabQos) -> Field {
    let mut f = Field::group(
        "E-RABLevelQoSParameters",
        vec![
            Field::new("QCI", q.qci),
            Field::group(
                "AllocationAndRetentionPriority",
                vec![
                    Field::new("priorityLevel", q.arp.priority_level),
                    Field::new("pre-emptionCapability", q.arp.may_pre_empt),
                    Field::new("pre-emptionVulnerability", q.arp.pre_emptable),
                ],
            ),
        ],
    );
    if let Some(g) = q.gbr {
        f = f.child(Field::group(
            "GBR-QosInformation",
            vec![
                Field::new("MBR DL", g.mbr_dl),
                Field::new("MBR UL", g.mbr_ul),
                Field::new("GBR DL", g.gbr_dl),
                Field::new("GBR UL", g.gbr_ul),
            ],
        ));
    }
    f
}

fn erab_to_setup(e: &ErabToSetup) -> Field {
    let mut f = Field::group(
        "E-RABToBeSetupItem",
        vec![
            Field::new("E-RAB-ID", e.erab_id),
            qos(&e.qos),
            Field::new("transportLayerAddress", e.transport),
            Field::new("GTP-TEID", format!("0x{:08x}", e.teid)),
        ],
    );
    if let Some(n) = &e.nas_pdu {
        f = f.child(nas(n));
    }
    f
}

fn setup_item(e: &ErabSetupItem) -> Field {
    Field::group(
        "E-RABSetupItem",
        vec![
            Field::new("E-RAB-ID", e.erab_id),
            Field::new("transportLayerAddress", e.transport),
            Field::new("GTP-TEID", format!("0x{:08x}", e.teid)),
        ],
    )
}

fn erab_cause(e: &ErabCause) -> Field {
    Field::group(
        "E-RABItem",
        vec![
            Field::new("E-RAB-ID", e.erab_id),
            Field::new("Cause", e.cause),
        ],
    )
}

fn ambr(name: &str, a: &Ambr) -> Field {
    Field::group(name, vec![Field::new("DL", a.dl), Field::new("UL", a.ul)])
}

/// The IEs of a typed message.
fn message_fields(m: &S1apMessage) -> Vec<Field> {
    match m {
        S1apMessage::S1SetupRequest(m) => {
            let mut v = vec![Field::group(
                "Global-ENB-ID",
                vec![
                    Field::new("PLMN", m.global_enb_id.plmn),
                    Field::new("eNB-ID", m.global_enb_id.enb_id),
                ],
            )];
            if let Some(n) = &m.enb_name {
                v.push(Field::new("eNBname", n));
            }
            v.push(Field::group(
                "SupportedTAs",
                m.supported_tas
                    .iter()
                    .map(|t| {
                        Field::group(
                            "SupportedTAs-Item",
                            std::iter::once(Field::new("TAC", t.tac))
                                .chain(t.plmns.iter().map(|p| Field::new("broadcastPLMN", p)))
                                .collect(),
                        )
                    })
                    .collect(),
            ));
            v.push(Field::new(
                "DefaultPagingDRX",
                asn::PagingDRX(m.default_paging_drx).name().unwrap_or("?"),
            ));
            v
        }
        S1apMessage::S1SetupResponse(m) => {
            let mut v = Vec::new();
            if let Some(n) = &m.mme_name {
                v.push(Field::new("MMEname", n));
            }
            v.push(Field::group(
                "ServedGUMMEIs",
                m.served_gummeis
                    .iter()
                    .map(|g| {
                        let mut c: Vec<Field> = g
                            .plmns
                            .iter()
                            .map(|p| Field::new("servedPLMN", p))
                            .collect();
                        c.extend(g.group_ids.iter().map(|x| Field::new("servedGroupID", x)));
                        c.extend(g.codes.iter().map(|x| Field::new("servedMMEC", x)));
                        Field::group("ServedGUMMEIsItem", c)
                    })
                    .collect(),
            ));
            v.push(Field::new("RelativeMMECapacity", m.relative_capacity));
            v
        }
        S1apMessage::S1SetupFailure(m) => {
            let mut v = vec![Field::new("Cause", m.cause)];
            if let Some(t) = m.time_to_wait {
                v.push(Field::new(
                    "TimeToWait",
                    asn::TimeToWait(t).name().unwrap_or("?"),
                ));
            }
            v
        }
        S1apMessage::InitialUeMessage(m) => {
            let mut v = vec![
                Field::new("eNB-UE-S1AP-ID", m.enb_ue_id.0),
                nas(&m.nas_pdu),
                tai(&m.tai),
                ecgi(&m.ecgi),
                Field::new(
                    "RRC-Establishment-Cause",
                    asn::RRC_Establishment_Cause(m.rrc_cause)
                        .name()
                        .unwrap_or("?"),
                ),
            ];
            if let Some(s) = m.s_tmsi {
                v.push(Field::group(
                    "S-TMSI",
                    vec![
                        Field::new("MMEC", s.mme_code),
                        Field::new("M-TMSI", format!("0x{:08x}", s.m_tmsi)),
                    ],
                ));
            }
            if let Some(g) = m.gummei {
                v.push(Field::group(
                    "GUMMEI",
                    vec![
                        Field::new("PLMN", g.plmn),
                        Field::new("MME-Group-ID", g.mme_group_id),
                        Field::new("MME-Code", g.mme_code),
                    ],
                ));
            }
            v
        }
        S1apMessage::DownlinkNasTransport(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            v.push(nas(&m.nas_pdu));
            v
        }
        S1apMessage::UplinkNasTransport(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            v.extend([nas(&m.nas_pdu), ecgi(&m.ecgi), tai(&m.tai)]);
            v
        }
        S1apMessage::InitialContextSetupRequest(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            v.push(ambr("uEaggregateMaximumBitrate", &m.ue_ambr));
            v.push(Field::group(
                "E-RABToBeSetupListCtxtSUReq",
                m.erabs.iter().map(erab_to_setup).collect(),
            ));
            v.push(Field::group(
                "UESecurityCapabilities",
                vec![
                    Field::new(
                        "encryptionAlgorithms",
                        format!("{:016b}", m.security_capabilities.eea),
                    ),
                    Field::new(
                        "integrityProtectionAlgorithms",
                        format!("{:016b}", m.security_capabilities.eia),
                    ),
                ],
            ));
            v.push(Field::new("SecurityKey", "<256 bits, not shown>"));
            if let Some(c) = &m.ue_radio_capability {
                v.push(Field::new("UERadioCapability", crate::codec::hex(c)));
            }
            v
        }
        S1apMessage::InitialContextSetupResponse(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            v.push(Field::group(
                "E-RABSetupListCtxtSURes",
                m.setup.iter().map(setup_item).collect(),
            ));
            if !m.failed.is_empty() {
                v.push(Field::group(
                    "E-RABFailedToSetupListCtxtSURes",
                    m.failed.iter().map(erab_cause).collect(),
                ));
            }
            v
        }
        S1apMessage::InitialContextSetupFailure(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            v.push(Field::new("Cause", m.cause));
            v
        }
        S1apMessage::ErabSetupRequest(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            if let Some(a) = &m.ue_ambr {
                v.push(ambr("uEaggregateMaximumBitrate", a));
            }
            v.push(Field::group(
                "E-RABToBeSetupListBearerSUReq",
                m.erabs.iter().map(erab_to_setup).collect(),
            ));
            v
        }
        S1apMessage::ErabSetupResponse(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            if !m.setup.is_empty() {
                v.push(Field::group(
                    "E-RABSetupListBearerSURes",
                    m.setup.iter().map(setup_item).collect(),
                ));
            }
            if !m.failed.is_empty() {
                v.push(Field::group(
                    "E-RABFailedToSetupListBearerSURes",
                    m.failed.iter().map(erab_cause).collect(),
                ));
            }
            v
        }
        S1apMessage::ErabReleaseCommand(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            if let Some(a) = &m.ue_ambr {
                v.push(ambr("uEaggregateMaximumBitrate", a));
            }
            v.push(Field::group(
                "E-RABToBeReleasedList",
                m.erabs.iter().map(erab_cause).collect(),
            ));
            if let Some(n) = &m.nas_pdu {
                v.push(nas(n));
            }
            v
        }
        S1apMessage::ErabReleaseResponse(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            v.push(Field::group(
                "E-RABReleaseListBearerRelComp",
                m.released
                    .iter()
                    .map(|id| Field::new("E-RAB-ID", id))
                    .collect(),
            ));
            if !m.failed.is_empty() {
                v.push(Field::group(
                    "E-RABFailedToReleaseList",
                    m.failed.iter().map(erab_cause).collect(),
                ));
            }
            v
        }
        S1apMessage::UeContextReleaseRequest(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            v.push(Field::new("Cause", m.cause));
            v
        }
        S1apMessage::UeContextReleaseCommand(m) => {
            let id = match m.ids {
                UeS1apIds::Pair(a, b) => Field::group("UE-S1AP-ID-pair", ids(a, b)),
                UeS1apIds::Mme(a) => Field::new("MME-UE-S1AP-ID", a.0),
            };
            vec![
                Field::group("UE-S1AP-IDs", vec![id]),
                Field::new("Cause", m.cause),
            ]
        }
        S1apMessage::UeContextReleaseComplete(m) => ids(m.mme_ue_id, m.enb_ue_id),
        S1apMessage::UeCapabilityInfoIndication(m) => {
            let mut v = ids(m.mme_ue_id, m.enb_ue_id);
            v.push(Field::new(
                "UERadioCapability",
                crate::codec::hex(&m.ue_radio_capability),
            ));
            v
        }
        S1apMessage::Paging(m) => vec![
            Field::new("UEIdentityIndexValue", m.ue_identity_index),
            match &m.paging_id {
                PagingId::STmsi(s) => Field::group(
                    "UEPagingID",
                    vec![Field::group(
                        "S-TMSI",
                        vec![
                            Field::new("MMEC", s.mme_code),
                            Field::new("M-TMSI", format!("0x{:08x}", s.m_tmsi)),
                        ],
                    )],
                ),
                PagingId::Imsi(i) => {
                    Field::group("UEPagingID", vec![Field::new("IMSI", crate::codec::hex(i))])
                }
            },
            Field::new("CNDomain", if m.cs_domain { "cs" } else { "ps" }),
            Field::group("TAIList", m.tais.iter().map(tai).collect()),
        ],
        S1apMessage::Reset(m) => vec![
            Field::new("Cause", m.cause),
            match &m.kind {
                ResetKind::All => Field::new("ResetType", "s1-Interface (reset all)"),
                ResetKind::Part(p) => Field::group(
                    "ResetType partOfS1-Interface",
                    p.iter().map(association).collect(),
                ),
            },
        ],
        S1apMessage::ResetAcknowledge(m) => m.associations.iter().map(association).collect(),
        S1apMessage::ErrorIndication(m) => {
            let mut v = Vec::new();
            if let Some(id) = m.mme_ue_id {
                v.push(Field::new("MME-UE-S1AP-ID", id.0));
            }
            if let Some(id) = m.enb_ue_id {
                v.push(Field::new("eNB-UE-S1AP-ID", id.0));
            }
            if let Some(c) = m.cause {
                v.push(Field::new("Cause", c));
            }
            v
        }
        S1apMessage::Other(pdu) => vec![debug_tree(&format!("{pdu:#?}"))],
    }
}

fn association(a: &UeAssociation) -> Field {
    let mut c = Vec::new();
    if let Some(m) = a.mme_ue_id {
        c.push(Field::new("MME-UE-S1AP-ID", m.0));
    }
    if let Some(e) = a.enb_ue_id {
        c.push(Field::new("eNB-UE-S1AP-ID", e.0));
    }
    Field::group("UE-associatedLogicalS1-ConnectionItem", c)
}

/// The procedure name of any PDU (e.g. `HandoverPreparation`).
pub(super) fn pdu_message_name(pdu: &asn::S1AP_PDU) -> &'static str {
    let code = match pdu {
        asn::S1AP_PDU::InitiatingMessage(m) => m.procedure_code.0,
        asn::S1AP_PDU::SuccessfulOutcome(m) => m.procedure_code.0,
        asn::S1AP_PDU::UnsuccessfulOutcome(m) => m.procedure_code.0,
        asn::S1AP_PDU::UnknownExtension(_) => return "S1AP",
    };
    asn::procedure_name(code).unwrap_or("S1AP")
}

/// A compacted tree from pretty Debug output, for procedures without a typed
/// model: wrappers with one value collapse into `name: value`.
fn debug_tree(text: &str) -> Field {
    let mut stack: Vec<Field> = vec![Field::group("PDU", Vec::new())];
    for raw in text.lines() {
        let line = raw.trim().trim_end_matches(',');
        if line.is_empty() {
            continue;
        }
        if matches!(line, "}" | ")" | "]") {
            if stack.len() > 1 {
                let done = collapse(stack.pop().unwrap_or_default());
                if let Some(top) = stack.last_mut() {
                    top.children.push(done);
                }
            }
            continue;
        }
        if let Some(open) = line
            .strip_suffix(" {")
            .or_else(|| line.strip_suffix('('))
            .or_else(|| line.strip_suffix(" ["))
            .or_else(|| line.strip_suffix('['))
        {
            let name = open.split(':').next().unwrap_or(open).trim();
            stack.push(Field::group(
                if name.is_empty() { "item" } else { name },
                Vec::new(),
            ));
            continue;
        }
        let leaf = match line.split_once(": ") {
            Some((k, v)) => Field::new(k, v),
            None => Field::new("value", line),
        };
        if let Some(top) = stack.last_mut() {
            top.children.push(leaf);
        }
    }
    while stack.len() > 1 {
        let done = collapse(stack.pop().unwrap_or_default());
        if let Some(top) = stack.last_mut() {
            top.children.push(done);
        }
    }
    stack.pop().unwrap_or_default()
}

fn collapse(mut f: Field) -> Field {
    if f.children.len() == 1 && f.children[0].children.is_empty() && f.value.is_empty() {
        let c = f.children.remove(0);
        f.value = if c.name == "value" {
            c.value
        } else {
            format!("{} {}", c.name, c.value)
        };
    }
    f
}

/// The tree of a whole PDU.
pub(super) fn pdu_tree(pdu: &asn::S1AP_PDU, len: usize) -> Field {
    let (kind, code, crit) = match pdu {
        asn::S1AP_PDU::InitiatingMessage(m) => {
            ("initiatingMessage", m.procedure_code.0, m.criticality.0)
        }
        asn::S1AP_PDU::SuccessfulOutcome(m) => {
            ("successfulOutcome", m.procedure_code.0, m.criticality.0)
        }
        asn::S1AP_PDU::UnsuccessfulOutcome(m) => {
            ("unsuccessfulOutcome", m.procedure_code.0, m.criticality.0)
        }
        asn::S1AP_PDU::UnknownExtension(_) => ("extension", 0, 0),
    };
    let head = vec![
        Field::new("PDU", kind),
        Field::new("procedureCode", code),
        Field::new("criticality", criticality_name(crit)),
    ];
    match S1apMessage::from_pdu(pdu.clone()) {
        Ok(m) => {
            let mut f = Field::group(format!("S1AP {}", m.name()), head).at(0, len);
            f.children.extend(message_fields(&m));
            f
        }
        Err(e) => {
            let mut f = Field::group("S1AP (not understood)", head).at(0, len);
            f.children.push(Field::new("error", e));
            f.children.push(debug_tree(&format!("{pdu:#?}")));
            f
        }
    }
}

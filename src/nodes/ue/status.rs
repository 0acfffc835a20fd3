//! What the UE publishes: its [`UeStatus`] on every change, with the
//! outcome of what the scenario asked for in plain words.

use super::emm::EmmState;
use super::esm::{is_ims_apn, no_pcscf_reason};
use super::{Goal, Ue};
use crate::nodes::{NodeEvent, Outcome, Output, UeStatus};

impl Ue {
    pub(super) fn build_status(&self) -> UeStatus {
        UeStatus {
            imsi: self.imsi.clone(),
            emm: self.emm.name().to_string(),
            pdns: self.esm.pdns.iter().map(|p| p.status()).collect(),
            ims: self.ims_client.status(),
            outcome: self.outcome(),
        }
    }

    /// Reached, failed (and why) or still pending.
    fn outcome(&self) -> Outcome {
        if let Some(f) = &self.failure {
            return Outcome::Failed(f.clone());
        }
        match self.goal {
            Goal::None => Outcome::Pending,
            Goal::Detached => {
                if matches!(self.emm, EmmState::Deregistered) {
                    Outcome::Reached
                } else {
                    Outcome::Pending
                }
            }
            Goal::Attached => {
                for apn in &self.wanted {
                    if let Some(reason) = self.esm.failure(apn) {
                        return Outcome::Failed(reason.to_string());
                    }
                }
                // A VoLTE UE cannot send SIP without a P-CSCF (TS 24.229
                // 9.2.1, TS 23.228 E.1.1).
                if self.is_volte()
                    && let Some(p) = self
                        .esm
                        .pdns
                        .iter()
                        .find(|p| is_ims_apn(&p.apn) && p.pcscf.is_empty())
                {
                    return Outcome::Failed(no_pcscf_reason(&p.apn));
                }
                let all_up = self.wanted.iter().all(|a| self.esm.pdn_by_apn(a).is_some());
                if matches!(self.emm, EmmState::Registered(_)) && all_up {
                    // A VoLTE UE's goal is its IMS registration.
                    self.ims_outcome().unwrap_or(Outcome::Reached)
                } else if let Some(f @ Outcome::Failed(_)) = self.ims_outcome() {
                    f
                } else {
                    Outcome::Pending
                }
            }
        }
    }

    /// Emits the status if it changed since the last one.
    pub(super) fn publish_status(&mut self) {
        let s = self.build_status();
        if self.last_status.as_ref() != Some(&s) {
            self.last_status = Some(s.clone());
            self.out.push_back(Output::Event(NodeEvent::Ue(s)));
        }
    }
}

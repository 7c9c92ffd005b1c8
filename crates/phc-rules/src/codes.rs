//! The fixed vocabularies of the contract (`../shared/contract.md`): every code the request may carry
//! and every code the decision may give, with its wire name. One macro makes each enum, so the list of
//! accepted values in an error message, the JSON Schema test and the parser can never disagree.

macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The wire names, in the order of `ALL`.
            pub const NAMES: &'static [&'static str] = &[$($wire),+];

            /// The wire name used in the JSON contract.
            pub const fn as_str(self) -> &'static str {
                Self::NAMES[self as usize]
            }

            /// Reads a wire name; `None` for anything else.
            pub fn parse(s: &str) -> Option<Self> {
                position(Self::NAMES, s).map(|i| Self::ALL[i])
            }

            /// The wire names, for "expected one of …" messages.
            pub fn expected() -> String {
                Self::NAMES.join(", ")
            }
        }

        impl Code for $name {
            const ALL: &'static [$name] = $name::ALL;
            const NAMES: &'static [&'static str] = $name::NAMES;
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A vocabulary of the contract: its values and their wire names, read and written through tables
/// (one lookup for all of them, rather than one `match` on strings per vocabulary).
pub trait Code: Copy + 'static {
    const ALL: &'static [Self];
    const NAMES: &'static [&'static str];
}

/// Where `s` is in `names`.
pub fn position(names: &[&str], s: &str) -> Option<usize> {
    names.iter().position(|n| *n == s)
}

codes!(
    /// What the citizen asks about.
    Service { Attachment = "attachment", HomeVisit = "home_visit", Complaint = "complaint" }
);

codes!(
    /// How the citizen applies.
    Channel { Portal = "portal", InPerson = "in_person" }
);

codes!(
    /// The person's residency status.
    Residency {
        Citizen = "citizen",
        Kandas = "kandas",
        Refugee = "refugee",
        ResidencePermit = "residence_permit",
        EaeuWorker = "eaeu_worker",
        EaeuWorkerFamily = "eaeu_worker_family",
        TemporaryVisitor = "temporary_visitor",
    }
);

codes!(
    /// Groups with their own documents, who apply in writing to the head of the PHC organisation.
    Category {
        Pensioner = "pensioner",
        Disability = "disability",
        DisabledChildRepresentative = "disabled_child_representative",
        Guardian = "guardian",
        Convict = "convict",
        Student = "student",
        MadrasahStudent = "madrasah_student",
        Conscript = "conscript",
        BornAbroadChild = "born_abroad_child",
        InstitutionWard = "institution_ward",
        PowerOfAttorney = "power_of_attorney",
        VoluntaryInsurance = "voluntary_insurance",
    }
);

codes!(
    /// A medical insurance contract.
    Insurance { None = "none", Voluntary = "voluntary", Imputed = "imputed" }
);

codes!(
    /// The ground for an attachment.
    Reason {
        Relocation = "relocation",
        FreeChoice = "free_choice",
        Campaign = "campaign",
        VoluntaryInsurance = "voluntary_insurance",
        CommissionDisagreement = "commission_disagreement",
        ClinicStoppedService = "clinic_stopped_service",
        ClinicCapacity = "clinic_capacity",
        NewFacility = "new_facility",
        Privatization = "privatization",
        FirstAttachment = "first_attachment",
        /// Not a ground: "I'm going away for a while" (a trip, shift work, a summer with relatives).
        /// Nothing needs to change; more than a month away opens the relocation ground (issue 24).
        TemporaryAbsence = "temporary_absence",
    }
);

codes!(
    /// Where the chosen clinic is, against the person's residence.
    TargetUnit { Same = "same", Neighbouring = "neighbouring", Other = "other" }
);

codes!(
    /// Who fills in the request (an extension of contract version 1).
    Applicant {
        SelfApplicant = "self",
        Parent = "parent",
        Representative = "representative",
        FamilyMember = "family_member",
    }
);

codes!(
    /// A document to bring.
    DocumentCode {
        IdentityDocument = "identity_document",
        PensionCertificate = "pension_certificate",
        DisabilityProof = "disability_proof",
        GuardianshipDocument = "guardianship_document",
        CommissionProtocol = "commission_protocol",
        ConscriptEnrollmentExtract = "conscript_enrollment_extract",
        RectorRequestAndProtocol = "rector_request_and_protocol",
        BirthAbroadDocument = "birth_abroad_document",
        LocalHealthAuthorityDecision = "local_health_authority_decision",
        PowerOfAttorney = "power_of_attorney",
        InsuranceContract = "insurance_contract",
        FamilyConsent = "family_consent",
        ComplaintLetter = "complaint_letter",
        /// A parent of a child disabled since childhood: the child's birth certificate (issue 24).
        ChildBirthCertificate = "child_birth_certificate",
    }
);

codes!(
    /// The answer.
    Verdict {
        Eligible = "eligible",
        EligibleLater = "eligible_later",
        NotEligible = "not_eligible",
        NeedsInformation = "needs_information",
    }
);

codes!(
    /// How one reason came out.
    Outcome {
        /// The condition holds.
        Met = "met",
        /// The condition fails: it decides against the citizen (or defers the date).
        NotMet = "not_met",
        /// An answer is missing; `needs` names it.
        Unknown = "unknown",
        /// Information that does not decide the verdict.
        Info = "info",
    }
);

codes!(
    /// The language of the human text.
    Lang { Kk = "kk", Ru = "ru", En = "en" }
);

codes!(
    /// A thing the citizen can do instead, when the answer is no or later.
    Alternative {
        ApplyInPerson = "apply_in_person",
        ApplyFromDate = "apply_from_date",
        UseCampaign = "use_campaign",
        UseFreeChoice = "use_free_choice",
        /// A change by free choice is open now, without waiting for the campaign.
        UseFreeChoiceNow = "use_free_choice_now",
        GetEds = "get_eds",
        GiveDataConsent = "give_data_consent",
        GetInsuranceContract = "get_insurance_contract",
        ChooseClinicInUnit = "choose_clinic_in_unit",
        AttachFirst = "attach_first",
        NearestClinicOrAmbulance = "nearest_clinic_or_ambulance",
        AskToRestoreDeadline = "ask_to_restore_deadline",
        NothingToDo = "nothing_to_do",
        /// Home visit: call the clinic by phone or go to its registry (no signature needed).
        CallClinic = "call_clinic",
        /// Home visit after a campaign attachment: until 1 January the previous clinic still serves.
        CallPreviousClinic = "call_previous_clinic",
        /// Home visit: the clinic one is attached to is the one that comes.
        CallOwnClinic = "call_own_clinic",
        /// An emergency: call an ambulance (103), attached or not.
        CallAmbulance = "call_ambulance",
        /// Away from home (a trip, a visit, shift work) and ill: the nearest medical organisation
        /// where one is, or an ambulance (002, 004).
        NearestMedicalOrganisationThere = "nearest_medical_organisation_there",
        /// The insurance contract ends before care would start: renew it first (by `date`).
        RenewInsuranceContract = "renew_insurance_contract",
    }
);

codes!(
    /// What a reason is about.
    ReasonCode {
        RulesEdition = "rules_edition",
        Residency = "residency",
        InsuranceContract = "insurance_contract",
        DataAccessConsent = "data_access_consent",
        Ground = "ground",
        AlreadyAttached = "already_attached",
        FreeChangeLimit = "free_change_limit",
        CampaignWindow = "campaign_window",
        RelocationDate = "relocation_date",
        RelocationScope = "relocation_scope",
        VoluntaryInsurancePolicy = "voluntary_insurance_policy",
        Territory = "territory",
        PortalSignIn = "portal_sign_in",
        WrittenApplication = "written_application",
        MinorRepresented = "minor_represented",
        ActualResidenceUnderFive = "actual_residence_under_five",
        ProcessingTime = "processing_time",
        CareStart = "care_start",
        AttachedToClinic = "attached_to_clinic",
        HomeVisitResponse = "home_visit_response",
        ComplaintDeadline = "complaint_deadline",
        ComplaintReview = "complaint_review",
        ComplaintProcedure = "complaint_procedure",
        ProvisionalCalendar = "provisional_calendar",
        /// A date rests on a rule projected beyond what has taken place (a campaign after the last one held).
        RulesProjection = "rules_projection",
        /// When the rules were last checked against their sources, and whether that is long ago.
        RulesChecked = "rules_checked",
        /// The campaign a home visit depends on (the previous clinic serves until 1 January).
        CampaignAttachment = "campaign_attachment",
        /// Nothing needs to change (a temporary absence): a neutral answer, not a refusal (issue 24).
        NoChangeNeeded = "no_change_needed",
        /// From 1 January 2027 care is given only by clinics with a contract with the Social Health
        /// Insurance Fund (Order No. 109 of 2025): check the chosen clinic has one.
        FundContract = "fund_contract",
    }
);

codes!(
    /// A field of the request, by its dotted path in the contract: what an input error names, what
    /// the engine `needs`, what a question of the app fills and what `field.*` messages are keyed by
    /// (issue 16). `request` is the whole document; the parser reads each object's members from the
    /// fields under it, so the list of accepted names and this vocabulary cannot disagree.
    Field {
        Request = "request",
        Version = "version",
        Service = "service",
        At = "at",
        Channel = "channel",
        Applicant = "applicant",
        Person = "person",
        Residency = "person.residency",
        BirthDate = "person.birth_date",
        Categories = "person.categories",
        Insurance = "person.insurance",
        InsuranceUntil = "person.insurance_until",
        Eds = "person.eds",
        PhoneOnPortal = "person.phone_on_portal",
        ConsentsToDataAccess = "person.consents_to_data_access",
        InstitutionRequest = "person.institution_request",
        Reason = "reason",
        CurrentAttachment = "current_attachment",
        Attached = "current_attachment.attached",
        AtTargetClinic = "current_attachment.at_target_clinic",
        FreeChangesThisYear = "current_attachment.free_changes_this_year",
        AttachedInCampaign = "current_attachment.attached_in_campaign",
        Relocation = "relocation",
        MovedOn = "relocation.moved_on",
        LeavesUnit = "relocation.leaves_unit",
        AwayOverAMonth = "relocation.away_over_a_month",
        TargetUnit = "target_unit",
        BorderTerritory = "border_territory",
        RefusalReceivedOn = "refusal_received_on",
        /// Home visit: the person is away from home (a trip, a visit, shift work): the nearest
        /// medical organisation there, or 103 (issue 24).
        AwayFromHome = "away_from_home",
    }
);

impl Field {
    /// Its name as a member of its object (`residency` for `person.residency`).
    pub fn name(self) -> &'static str {
        let s = self.as_str();
        s.rsplit_once('.').map_or(s, |(_, name)| name)
    }

    /// Whether the field is a member of the object `parent` (`person.residency` of `person`; the
    /// undotted fields of `request`): read from the wire names, without a lookup.
    pub fn is_member_of(self, parent: Field) -> bool {
        let s = self.as_str();
        match parent {
            Field::Request => self != Field::Request && !s.contains('.'),
            _ => s.strip_prefix(parent.as_str()).and_then(|rest| rest.strip_prefix('.')).is_some_and(|name| !name.contains('.')),
        }
    }

    /// The fields of the object `self` (in contract order).
    pub fn members(self) -> impl Iterator<Item = Field> {
        Field::ALL.iter().copied().filter(move |f| f.is_member_of(self))
    }

    /// The codes a field of one of the contract's vocabularies accepts, in contract order (`None` for
    /// a date, a flag, a count or an object).
    pub fn codes(self) -> Option<&'static [&'static str]> {
        Some(match self {
            Field::Service => Service::NAMES,
            Field::Channel => Channel::NAMES,
            Field::Applicant => Applicant::NAMES,
            Field::Residency => Residency::NAMES,
            Field::Categories => Category::NAMES,
            Field::Insurance => Insurance::NAMES,
            Field::Reason => Reason::NAMES,
            Field::TargetUnit => TargetUnit::NAMES,
            _ => return None,
        })
    }
}

codes!(
    /// What is wrong with an input, for a caller that acts on it rather than reading the message
    /// (the app says "after the date of the check" in the citizen's language).
    ErrorKind {
        /// Not readable as one JSON object: not JSON, not UTF-8, empty, too large.
        Syntax = "syntax",
        UnsupportedVersion = "unsupported_version",
        /// A field the contract does not have.
        UnknownField = "unknown_field",
        /// A required field is absent.
        Missing = "missing",
        /// A value of the wrong JSON type.
        WrongType = "wrong_type",
        /// A code outside the field's vocabulary.
        UnknownCode = "unknown_code",
        /// Not a date (or moment), or a date that does not exist (31 Feb, year 0).
        BadDate = "bad_date",
        /// A number or a date outside what the field can be (a count over 366, a birth in 1800).
        OutOfRange = "out_of_range",
        /// A date after the date of the check (a birth, a refusal received).
        AfterCheck = "after_check",
        /// A date before the rules or the calendar this checker knows.
        BeforeRules = "before_rules",
        /// A date beyond the calendar this checker knows.
        BeyondCalendar = "beyond_calendar",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables agree: each value's wire name reads back as that value, and nothing else reads.
    fn round_trip<T: Code + PartialEq + core::fmt::Debug>(as_str: fn(T) -> &'static str, parse: fn(&str) -> Option<T>) {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for (i, v) in T::ALL.iter().enumerate() {
            assert_eq!(as_str(*v), T::NAMES[i]);
            assert_eq!(parse(T::NAMES[i]), Some(*v));
        }
        assert_eq!(parse(""), None);
        assert_eq!(parse(&T::NAMES[0].to_uppercase()), None, "wire names are case-sensitive");
    }

    #[test]
    fn every_vocabulary_reads_back_what_it_writes() {
        round_trip(Service::as_str, Service::parse);
        round_trip(Channel::as_str, Channel::parse);
        round_trip(Residency::as_str, Residency::parse);
        round_trip(Category::as_str, Category::parse);
        round_trip(Insurance::as_str, Insurance::parse);
        round_trip(Reason::as_str, Reason::parse);
        round_trip(TargetUnit::as_str, TargetUnit::parse);
        round_trip(Applicant::as_str, Applicant::parse);
        round_trip(DocumentCode::as_str, DocumentCode::parse);
        round_trip(Verdict::as_str, Verdict::parse);
        round_trip(Outcome::as_str, Outcome::parse);
        round_trip(Lang::as_str, Lang::parse);
        round_trip(Alternative::as_str, Alternative::parse);
        round_trip(ReasonCode::as_str, ReasonCode::parse);
        round_trip(Field::as_str, Field::parse);
        round_trip(ErrorKind::as_str, ErrorKind::parse);
    }

    #[test]
    fn fields_nest_as_the_contract_writes_them() {
        assert!(Field::Residency.is_member_of(Field::Person) && !Field::Residency.is_member_of(Field::Request));
        assert_eq!(Field::Residency.name(), "residency");
        assert!(Field::Service.is_member_of(Field::Request) && !Field::Request.is_member_of(Field::Request));
        assert_eq!(Field::Relocation.members().collect::<Vec<_>>(), [Field::MovedOn, Field::LeavesUnit, Field::AwayOverAMonth]);
        // Every field but the document is a member of exactly one object, and that object has no codes.
        for f in Field::ALL.iter().copied().filter(|f| *f != Field::Request) {
            let parents: Vec<Field> = Field::ALL.iter().copied().filter(|p| f.is_member_of(*p)).collect();
            assert_eq!(parents.len(), 1, "{f}: {parents:?}");
            assert!(parents[0].codes().is_none() && !f.name().contains('.'), "{f}");
        }
    }
}

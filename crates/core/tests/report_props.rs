//! Property tests: the wire format round-trips and the validators agree.

mod common;

use candor_core::Report;
use proptest::prelude::*;
use serde_json::Value;

proptest! {
    #[test]
    fn any_valid_report_round_trips(report in common::report()) {
        prop_assert_eq!(report.validate(), Ok(()));
        let text = serde_json::to_string(&report).unwrap();
        prop_assert_eq!(&Report::from_json(&text).unwrap(), &report);
        prop_assert_eq!(&serde_json::from_str::<Report>(&text).unwrap(), &report);
        let value = serde_json::to_value(&report).unwrap();
        prop_assert_eq!(&Report::from_value(&value).unwrap(), &report);
    }

    #[test]
    fn optional_fields_are_written_only_when_present(report in common::report()) {
        let value = serde_json::to_value(&report).unwrap();
        let object = value.as_object().unwrap();
        prop_assert_eq!(object.contains_key("effort"), report.effort.is_some());
        prop_assert_eq!(object.contains_key("mandated"), report.mandated.is_some());
        prop_assert_eq!(object.contains_key("complexity"), report.complexity.is_some());
        prop_assert_eq!(object.contains_key("team"), report.team.is_some());
        prop_assert_eq!(object.contains_key("reasons"), !report.reasons.is_empty());
    }

    #[test]
    fn any_extra_field_is_rejected_by_name(report in common::report(), name in "[a-z_]{1,12}") {
        let mut value = serde_json::to_value(&report).unwrap();
        let object = value.as_object_mut().unwrap();
        prop_assume!(!object.contains_key(&name));
        object.insert(name.clone(), Value::Bool(true));
        let err = Report::from_value(&value).unwrap_err();
        prop_assert_eq!(&err.field, &name);
        prop_assert_eq!(err.code(), "unknown_field");
        prop_assert!(serde_json::from_value::<Report>(value).is_err());
    }

    #[test]
    fn dropping_a_required_field_names_it(
        report in common::report(),
        field in proptest::sample::select(vec!["v", "id", "week", "task", "tool", "outcome"]),
    ) {
        let mut value = serde_json::to_value(&report).unwrap();
        value.as_object_mut().unwrap().remove(field);
        let err = Report::from_value(&value).unwrap_err();
        prop_assert_eq!(err.field.as_str(), field);
        prop_assert_eq!(err.code(), "missing_field");
    }

    #[test]
    fn serde_and_the_validator_agree_on_any_text(text in "\\PC{0,200}") {
        let direct = Report::from_json(&text);
        let via_serde = serde_json::from_str::<Report>(&text);
        prop_assert_eq!(direct.is_ok(), via_serde.is_ok());
    }

    #[test]
    fn any_outcome_out_of_range_is_rejected(report in common::report(), outcome in any::<i64>()) {
        prop_assume!(!(-2..=2).contains(&outcome));
        let mut value = serde_json::to_value(&report).unwrap();
        value["outcome"] = Value::from(outcome);
        let err = Report::from_value(&value).unwrap_err();
        prop_assert_eq!((err.field.as_str(), err.code()), ("outcome", "out_of_range"));
    }
}

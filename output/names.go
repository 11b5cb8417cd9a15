package output

import (
	"strings"

	"github.com/govreport/govreport/internal/lazy"
)

// Short names (--names short) fit Stata's and SAS's 32 characters: a
// prefix for the table (ad_ table 二, ap_ table 三, rl_ table 四, h_
// harmonised, d_ derived), then the row and the column by the
// abbreviations below. They are part of the contract like the long names:
// a test keeps them unique, valid and unchanged.
var shortWordsV lazy.Value[map[string]string]

// shortWords is built on first use: a map literal at package level is
// built by package initialisation in every process.
func shortWords() map[string]string { return shortWordsV.Get(buildShortWords) }

func buildShortWords() map[string]string {
	return map[string]string{
		// table 三's columns
		"natural_person": "np", "commercial_enterprise": "ce", "research_institution": "ri",
		"social_welfare_org": "sw", "legal_service_org": "ls", "other_org": "oo", "total": "tot",
		// table 三's rows
		"new_requests": "new", "carried_over": "carried_over", "granted": "granted", "partially_granted": "partial",
		"withheld_state_secret": "wh_secret", "withheld_prohibited_by_law": "wh_law",
		"withheld_security_stability": "wh_security", "withheld_third_party_rights": "wh_third_party",
		"withheld_internal_affairs": "wh_internal", "withheld_process_information": "wh_process",
		"withheld_enforcement_case_file": "wh_case_file", "withheld_administrative_query": "wh_query",
		"unavailable_not_held": "un_not_held", "unavailable_needs_creation": "un_creation",
		"unavailable_still_unclear": "un_unclear", "not_processed_complaint": "nproc_complaint",
		"not_processed_repeated": "nproc_repeated", "not_processed_publication": "nproc_publication",
		"not_processed_excessive": "nproc_excessive", "not_processed_confirmation": "nproc_confirm",
		"other": "other", "other_no_correction": "oth_no_correction", "other_unpaid_fee": "oth_unpaid_fee",
		"other_other": "oth_other", "carried_forward": "carried_fwd", "other_handling": "other_handling",
		// table 二
		"normative_documents": "normdoc", "other_services": "othsvc", "previous_items": "prev",
		"total_published": "total_pub", "new_published": "new_pub", "amount_10k_yuan": "amount_10k_yuan",
		// table 四
		"litigation_direct": "lit_direct", "litigation_after_review": "lit_after_review",
	}
}

func shortPrefix(table string) string {
	switch table {
	case "active_disclosure":
		return "ad"
	case "applications":
		return "ap"
	case "review_litigation":
		return "rl"
	case "harmonised":
		return "h"
	case "derived":
		return "d"
	}
	return ""
}

// shortName returns the short name of a column.
func shortName(c Column) string {
	parts := strings.Split(c.Name, ".")
	if len(parts) == 1 {
		return c.Name // metadata, region: already short
	}
	out := []string{shortPrefix(parts[0])}
	for _, p := range parts[1:] {
		if s, ok := shortWords()[p]; ok {
			p = s
		} else if strings.HasPrefix(p, "withheld_") {
			// derived shares of the withholding reasons
			p = shortWords()[strings.TrimSuffix(p, "_share")] + "_share"
		}
		out = append(out, p)
	}
	return strings.Join(out, "_")
}

package main

import (
	"github.com/govreport/govreport/internal/corpusgen"
	"github.com/govreport/govreport/model"
)

// fieldSets are number sets of real reports (the values of the field truths in
// ../shared/field, nulls of table 二 written as 0); titles, prose and layout
// are ours.
var fieldSets = []*set{
	{
		Source: "05-pingtan-2019.expected.json", Place: "福建省",
		Report: corpusgen.Report{Slug: "pingtan-2019", Agency: "平潭综合实验区", Year: 2019, Published: "2020-01-20", Site: "平潭综合实验区党工委管委会网站", Domain: "www.pingtan.example", Table2: model.Gen2019, Table3: model.Gen2019, ProcurementUnit: "元",
			Disclosure: map[string][]string{
				"rules":               {"0", "0", "0"},
				"normative_documents": {"0", "0", "0"},
				"licensing":           {"0", "0", "0"},
				"other_services":      {"0", "0", "0"},
				"punishment":          {"0", "0", "0"},
				"coercion":            {"0", "0", "0"},
				"fees":                {"0", "0"},
				"procurement":         {"0", "0"},
			},
			Apps: rows(model.Gen2019,
				[7]int{23, 0, 0, 0, 0, 0, 23}, // new_requests
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_over
				[7]int{7, 0, 0, 0, 0, 0, 7},   // granted
				[7]int{1, 0, 0, 0, 0, 0, 1},   // partially_granted
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_state_secret
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_prohibited_by_law
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_security_stability
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_third_party_rights
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_internal_affairs
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_process_information
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_enforcement_case_file
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_administrative_query
				[7]int{7, 0, 0, 0, 0, 0, 7},   // unavailable_not_held
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_needs_creation
				[7]int{5, 0, 0, 0, 0, 0, 5},   // unavailable_still_unclear
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_complaint
				[7]int{3, 0, 0, 0, 0, 0, 3},   // not_processed_repeated
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_publication
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_excessive
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_confirmation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other
				[7]int{23, 0, 0, 0, 0, 0, 23}, // total
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_forward
			),
			Review: [3][5]int{{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}},
		},
	},
	{
		Source: "06-pingtan-2020.expected.json", Place: "福建省",
		Report: corpusgen.Report{Slug: "pingtan-2020", Agency: "平潭综合实验区", Year: 2020, Published: "2021-01-25", Site: "平潭综合实验区党工委管委会网站", Domain: "www.pingtan.example", Table2: model.Gen2019, Table3: model.Gen2019, ProcurementUnit: "元",
			Disclosure: map[string][]string{
				"rules":               {"0", "0", "7"},
				"normative_documents": {"0", "0", "0"},
				"licensing":           {"0", "0", "0"},
				"other_services":      {"0", "0", "0"},
				"punishment":          {"2648", "0", "0"},
				"coercion":            {"0", "0", "0"},
				"fees":                {"35", "-15"},
				"procurement":         {"0", "0"},
			},
			Apps: rows(model.Gen2019,
				[7]int{20, 0, 0, 0, 0, 1, 21}, // new_requests
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_over
				[7]int{6, 0, 0, 0, 0, 1, 7},   // granted
				[7]int{6, 0, 0, 0, 0, 0, 6},   // partially_granted
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_state_secret
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_prohibited_by_law
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_security_stability
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_third_party_rights
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_internal_affairs
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_process_information
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_enforcement_case_file
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_administrative_query
				[7]int{4, 0, 0, 0, 0, 0, 4},   // unavailable_not_held
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_needs_creation
				[7]int{3, 0, 0, 0, 0, 0, 3},   // unavailable_still_unclear
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_complaint
				[7]int{3, 0, 0, 0, 0, 0, 3},   // not_processed_repeated
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_publication
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_excessive
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_confirmation
				[7]int{4, 0, 0, 0, 0, 0, 4},   // other
				[7]int{20, 0, 0, 0, 0, 1, 21}, // total
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_forward
			),
			Review: [3][5]int{{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}},
		},
	},
	{
		Source: "07-pingtan-2021.expected.json", Place: "福建省",
		Report: corpusgen.Report{Slug: "pingtan-2021", Agency: "平潭综合实验区", Year: 2021, Published: "2022-01-24", Site: "平潭综合实验区党工委管委会网站", Domain: "www.pingtan.example", Table2: model.Gen2021, Table3: model.Gen2021,
			Disclosure: map[string][]string{
				"rules":               {"0", "0", "0"},
				"normative_documents": {"0", "0", "0"},
				"licensing":           {"2293"},
				"punishment":          {"1282"},
				"coercion":            {"42"},
				"fees":                {"24252.311082"},
			},
			Apps: rows(model.Gen2021,
				[7]int{64, 0, 0, 2, 0, 4, 70}, // new_requests
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_over
				[7]int{27, 0, 0, 2, 0, 1, 30}, // granted
				[7]int{5, 0, 0, 0, 0, 0, 5},   // partially_granted
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_state_secret
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_prohibited_by_law
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_security_stability
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_third_party_rights
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_internal_affairs
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_process_information
				[7]int{6, 0, 0, 0, 0, 0, 6},   // withheld_enforcement_case_file
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_administrative_query
				[7]int{22, 0, 0, 0, 0, 3, 25}, // unavailable_not_held
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_needs_creation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_still_unclear
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_complaint
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_repeated
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_publication
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_excessive
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_confirmation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other_no_correction
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other_unpaid_fee
				[7]int{1, 0, 0, 0, 0, 0, 1},   // other_other
				[7]int{63, 0, 0, 2, 0, 4, 69}, // total
				[7]int{1, 0, 0, 0, 0, 0, 1},   // carried_forward
			),
			Review: [3][5]int{{1, 0, 2, 0, 3}, {12, 0, 0, 0, 12}, {0, 0, 0, 0, 0}},
		},
	},
	{
		Source: "08-pingtan-2022.expected.json", Place: "福建省",
		Report: corpusgen.Report{Slug: "pingtan-2022", Agency: "平潭综合实验区", Year: 2022, Published: "2023-01-30", Site: "平潭综合实验区党工委管委会网站", Domain: "www.pingtan.example", Table2: model.Gen2021, Table3: model.Gen2021,
			Disclosure: map[string][]string{
				"rules":               {"0", "0", "0"},
				"normative_documents": {"0", "0", "0"},
				"licensing":           {"10690"},
				"punishment":          {"2113"},
				"coercion":            {"0"},
				"fees":                {"9116.36"},
			},
			Apps: rows(model.Gen2021,
				[7]int{71, 3, 0, 0, 0, 0, 74}, // new_requests
				[7]int{1, 0, 0, 0, 0, 0, 1},   // carried_over
				[7]int{21, 0, 0, 0, 0, 0, 21}, // granted
				[7]int{8, 1, 0, 0, 0, 0, 9},   // partially_granted
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_state_secret
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_prohibited_by_law
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_security_stability
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_third_party_rights
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_internal_affairs
				[7]int{2, 0, 0, 0, 0, 0, 2},   // withheld_process_information
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_enforcement_case_file
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_administrative_query
				[7]int{37, 0, 0, 0, 0, 0, 37}, // unavailable_not_held
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_needs_creation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_still_unclear
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_complaint
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_repeated
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_publication
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_excessive
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_confirmation
				[7]int{2, 0, 0, 0, 0, 0, 2},   // other_no_correction
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other_unpaid_fee
				[7]int{0, 2, 0, 0, 0, 0, 2},   // other_other
				[7]int{72, 3, 0, 0, 0, 0, 75}, // total
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_forward
			),
			Review: [3][5]int{{0, 1, 1, 0, 2}, {1, 0, 0, 0, 1}, {0, 0, 0, 0, 0}},
		},
	},
	{
		Source: "09-pingtan-2023.expected.json", Place: "福建省",
		Report: corpusgen.Report{Slug: "pingtan-2023", Agency: "平潭综合实验区", Year: 2023, Published: "2024-01-29", Site: "平潭综合实验区党工委管委会网站", Domain: "www.pingtan.example", Table2: model.Gen2021, Table3: model.Gen2021,
			Disclosure: map[string][]string{
				"rules":               {"0", "0", "0"},
				"normative_documents": {"0", "0", "0"},
				"licensing":           {"2629"},
				"punishment":          {"1330"},
				"coercion":            {"54"},
				"fees":                {"5949.088667"},
			},
			Apps: rows(model.Gen2021,
				[7]int{80, 1, 0, 0, 0, 0, 81}, // new_requests
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_over
				[7]int{22, 0, 0, 0, 0, 0, 22}, // granted
				[7]int{19, 1, 0, 0, 0, 0, 20}, // partially_granted
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_state_secret
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_prohibited_by_law
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_security_stability
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_third_party_rights
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_internal_affairs
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_process_information
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_enforcement_case_file
				[7]int{2, 0, 0, 0, 0, 0, 2},   // withheld_administrative_query
				[7]int{31, 0, 0, 0, 0, 0, 31}, // unavailable_not_held
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_needs_creation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_still_unclear
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_complaint
				[7]int{1, 0, 0, 0, 0, 0, 1},   // not_processed_repeated
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_publication
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_excessive
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_confirmation
				[7]int{1, 0, 0, 0, 0, 0, 1},   // other_no_correction
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other_unpaid_fee
				[7]int{1, 0, 0, 0, 0, 0, 1},   // other_other
				[7]int{80, 1, 0, 0, 0, 0, 81}, // total
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_forward
			),
			Review: [3][5]int{{1, 1, 0, 0, 2}, {4, 0, 0, 1, 5}, {1, 0, 1, 0, 2}},
		},
	},
	{
		Source: "02-hongze-district-2023.expected.json", Place: "淮安市",
		Report: corpusgen.Report{Slug: "hongze-district-2023", Agency: "洪泽区人民政府", Year: 2023, Published: "2024-01-26", Site: "洪泽区人民政府网", Domain: "www.hongze.example", Table2: model.Gen2021, Table3: model.Gen2019,
			Disclosure: map[string][]string{
				"rules":               {"0", "0", "0"},
				"normative_documents": {"0", "5", "5"},
				"licensing":           {"550"},
				"punishment":          {"4119"},
				"coercion":            {"195"},
				"fees":                {"7730.28"},
			},
			Apps: rows(model.Gen2019,
				[7]int{21, 0, 0, 0, 0, 0, 21}, // new_requests
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_over
				[7]int{0, 0, 0, 0, 0, 0, 0},   // granted
				[7]int{4, 0, 0, 0, 0, 0, 4},   // partially_granted
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_state_secret
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_prohibited_by_law
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_security_stability
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_third_party_rights
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_internal_affairs
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_process_information
				[7]int{1, 0, 0, 0, 0, 0, 1},   // withheld_enforcement_case_file
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_administrative_query
				[7]int{10, 0, 0, 0, 0, 0, 10}, // unavailable_not_held
				[7]int{3, 0, 0, 0, 0, 0, 3},   // unavailable_needs_creation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_still_unclear
				[7]int{1, 0, 0, 0, 0, 0, 1},   // not_processed_complaint
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_repeated
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_publication
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_excessive
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_confirmation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other
				[7]int{21, 0, 0, 0, 0, 0, 21}, // total
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_forward
			),
			Review: [3][5]int{{10, 1, 0, 0, 0}, {0, 0, 0, 0, 0}, {5, 0, 0, 0, 0}},
		},
	},
	{
		Source: "seed-zhanhe-2023.expected.json", Place: "平顶山市",
		Report: corpusgen.Report{Slug: "zhanhe-district-2023", Agency: "湛河区人民政府办公室", Year: 2023, Published: "2024-01-22", Site: "湛河区人民政府网", Domain: "www.zhanhe.example", Table2: model.Gen2021, Table3: model.Gen2021,
			Disclosure: map[string][]string{
				"rules":               {"0", "0", "0"},
				"normative_documents": {"2", "0", "31"},
				"licensing":           {"0"},
				"punishment":          {"0"},
				"coercion":            {"0"},
				"fees":                {"0"},
			},
			Apps: rows(model.Gen2021,
				[7]int{12, 0, 0, 0, 0, 0, 12}, // new_requests
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_over
				[7]int{3, 0, 0, 0, 0, 0, 3},   // granted
				[7]int{0, 0, 0, 0, 0, 0, 0},   // partially_granted
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_state_secret
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_prohibited_by_law
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_security_stability
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_third_party_rights
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_internal_affairs
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_process_information
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_enforcement_case_file
				[7]int{0, 0, 0, 0, 0, 0, 0},   // withheld_administrative_query
				[7]int{5, 0, 0, 0, 0, 0, 5},   // unavailable_not_held
				[7]int{4, 0, 0, 0, 0, 0, 4},   // unavailable_needs_creation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // unavailable_still_unclear
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_complaint
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_repeated
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_publication
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_excessive
				[7]int{0, 0, 0, 0, 0, 0, 0},   // not_processed_confirmation
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other_no_correction
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other_unpaid_fee
				[7]int{0, 0, 0, 0, 0, 0, 0},   // other_other
				[7]int{12, 0, 0, 0, 0, 0, 12}, // total
				[7]int{0, 0, 0, 0, 0, 0, 0},   // carried_forward
			),
			Review: [3][5]int{{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}},
		},
	},
	{
		Source: "14-shuyang-county-2025-ocrmd.expected.json", Place: "宿迁市",
		Report: corpusgen.Report{Slug: "shuyang-county-2025", Agency: "沭阳县人民政府", Year: 2025, Published: "2026-01-28", Site: "沭阳县人民政府网", Domain: "www.shuyang.example", Table2: model.Gen2021, Table3: model.Gen2021,
			Disclosure: map[string][]string{
				"rules":               {"0", "0", "0"},
				"normative_documents": {"6", "1", "32"},
				"licensing":           {"517645"},
				"punishment":          {"693957"},
				"coercion":            {"2154"},
				"fees":                {"4068.208"},
			},
			Apps: rows(model.Gen2021,
				[7]int{705, 3, 0, 0, 5, 0, 713}, // new_requests
				[7]int{36, 0, 0, 0, 0, 0, 36},   // carried_over
				[7]int{290, 1, 0, 0, 3, 0, 294}, // granted
				[7]int{99, 0, 0, 0, 2, 0, 101},  // partially_granted
				[7]int{0, 0, 0, 0, 0, 0, 0},     // withheld_state_secret
				[7]int{0, 0, 0, 0, 0, 0, 0},     // withheld_prohibited_by_law
				[7]int{2, 0, 0, 0, 0, 0, 2},     // withheld_security_stability
				[7]int{2, 0, 0, 0, 0, 0, 2},     // withheld_third_party_rights
				[7]int{13, 0, 0, 0, 0, 0, 13},   // withheld_internal_affairs
				[7]int{2, 0, 0, 0, 0, 0, 2},     // withheld_process_information
				[7]int{4, 0, 0, 0, 0, 0, 4},     // withheld_enforcement_case_file
				[7]int{9, 0, 0, 0, 0, 0, 9},     // withheld_administrative_query
				[7]int{111, 0, 0, 0, 0, 0, 111}, // unavailable_not_held
				[7]int{2, 0, 0, 0, 0, 0, 2},     // unavailable_needs_creation
				[7]int{0, 0, 0, 0, 0, 0, 0},     // unavailable_still_unclear
				[7]int{12, 0, 0, 0, 0, 0, 12},   // not_processed_complaint
				[7]int{6, 1, 0, 0, 0, 0, 7},     // not_processed_repeated
				[7]int{0, 0, 0, 0, 0, 0, 0},     // not_processed_publication
				[7]int{0, 0, 0, 0, 0, 0, 0},     // not_processed_excessive
				[7]int{0, 0, 0, 0, 0, 0, 0},     // not_processed_confirmation
				[7]int{9, 0, 0, 0, 0, 0, 9},     // other_no_correction
				[7]int{7, 0, 0, 0, 0, 0, 7},     // other_unpaid_fee
				[7]int{142, 1, 0, 0, 0, 0, 143}, // other_other
				[7]int{710, 3, 0, 0, 5, 0, 718}, // total
				[7]int{31, 0, 0, 0, 0, 0, 31},   // carried_forward
			),
			Review: [3][5]int{{27, 10, 9, 15, 61}, {3, 0, 0, 0, 3}, {8, 0, 1, 1, 10}},
		},
	},
}

package model

// Generation names a template generation of the national report format.
type Generation string

const (
	Gen2019 Generation = "2019" // 国办公开办函〔2019〕60号, report years 2019–2020
	Gen2021 Generation = "2021" // 国办公开办函〔2021〕30号, report years 2021 onward
)

// RowDef describes one data row of a table in the template.
type RowDef struct {
	Key   string // JSON key, normative (spec/SCHEMA.md)
	Label string // the label as the template prints it
	// Gens lists the generations that have this row; empty means both.
	Gens []Generation
	// Group is the printed group label the row sits under, if any
	// (（三）不予公开 for the eight withholding reasons).
	Group string
}

// In reports whether the row belongs to generation g.
func (r RowDef) In(g Generation) bool {
	if len(r.Gens) == 0 {
		return true
	}
	for _, x := range r.Gens {
		if x == g {
			return true
		}
	}
	return false
}

// ColDef describes one column of a table.
type ColDef struct {
	Key   string
	Label string
}

const (
	groupWithheld     = "（三）不予公开"
	groupUnavailable  = "（四）无法提供"
	groupNotProcessed = "（五）不予处理"
	groupOther        = "（六）其他处理"
)

// ApplicationRows are the rows of table 三 in template order.
var ApplicationRows = []RowDef{
	{Key: "new_requests", Label: "一、本年新收政府信息公开申请数量"},
	{Key: "carried_over", Label: "二、上年结转政府信息公开申请数量"},
	{Key: "granted", Label: "（一）予以公开"},
	{Key: "partially_granted", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
	{Key: "withheld_state_secret", Label: "1.属于国家秘密", Group: groupWithheld},
	{Key: "withheld_prohibited_by_law", Label: "2.其他法律行政法规禁止公开", Group: groupWithheld},
	{Key: "withheld_security_stability", Label: "3.危及“三安全一稳定”", Group: groupWithheld},
	{Key: "withheld_third_party_rights", Label: "4.保护第三方合法权益", Group: groupWithheld},
	{Key: "withheld_internal_affairs", Label: "5.属于三类内部事务信息", Group: groupWithheld},
	{Key: "withheld_process_information", Label: "6.属于四类过程性信息", Group: groupWithheld},
	{Key: "withheld_enforcement_case_file", Label: "7.属于行政执法案卷", Group: groupWithheld},
	{Key: "withheld_administrative_query", Label: "8.属于行政查询事项", Group: groupWithheld},
	{Key: "unavailable_not_held", Label: "1.本机关不掌握相关政府信息", Group: groupUnavailable},
	{Key: "unavailable_needs_creation", Label: "2.没有现成信息需要另行制作", Group: groupUnavailable},
	{Key: "unavailable_still_unclear", Label: "3.补正后申请内容仍不明确", Group: groupUnavailable},
	{Key: "not_processed_complaint", Label: "1.信访举报投诉类申请", Group: groupNotProcessed},
	{Key: "not_processed_repeated", Label: "2.重复申请", Group: groupNotProcessed},
	{Key: "not_processed_publication", Label: "3.要求提供公开出版物", Group: groupNotProcessed},
	{Key: "not_processed_excessive", Label: "4.无正当理由大量反复申请", Group: groupNotProcessed},
	{Key: "not_processed_confirmation", Label: "5.要求行政机关确认或重新出具已获取信息", Group: groupNotProcessed},
	{Key: "other", Label: "（六）其他处理", Gens: []Generation{Gen2019}},
	{Key: "other_no_correction", Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Gens: []Generation{Gen2021}, Group: groupOther},
	{Key: "other_unpaid_fee", Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Gens: []Generation{Gen2021}, Group: groupOther},
	{Key: "other_other", Label: "3.其他", Gens: []Generation{Gen2021}, Group: groupOther},
	{Key: "total", Label: "（七）总计"},
	{Key: "carried_forward", Label: "四、结转下年度继续办理"},
}

// ApplicantColumns are the six applicant columns of table 三, in order.
var ApplicantColumns = []ColDef{
	{Key: "natural_person", Label: "自然人"},
	{Key: "commercial_enterprise", Label: "商业企业"},
	{Key: "research_institution", Label: "科研机构"},
	{Key: "social_welfare_org", Label: "社会公益组织"},
	{Key: "legal_service_org", Label: "法律服务机构"},
	{Key: "other_org", Label: "其他"},
}

// ApplicationColumns are all seven numeric columns of table 三:
// ApplicantColumns and the total (written out, so that it is static data
// rather than an append run by package initialisation).
var ApplicationColumns = []ColDef{
	{Key: "natural_person", Label: "自然人"},
	{Key: "commercial_enterprise", Label: "商业企业"},
	{Key: "research_institution", Label: "科研机构"},
	{Key: "social_welfare_org", Label: "社会公益组织"},
	{Key: "legal_service_org", Label: "法律服务机构"},
	{Key: "other_org", Label: "其他"},
	{Key: "total", Label: "总计"},
}

// ReviewGroups are the three groups of table 四, in printed order.
var ReviewGroups = []ColDef{
	{Key: "review", Label: "行政复议"},
	{Key: "litigation_direct", Label: "未经复议直接起诉"},
	{Key: "litigation_after_review", Label: "复议后起诉"},
}

// ReviewOutcomes are the five outcomes of each group of table 四, in order.
var ReviewOutcomes = []ColDef{
	{Key: "upheld", Label: "结果维持"},
	{Key: "corrected", Label: "结果纠正"},
	{Key: "other", Label: "其他结果"},
	{Key: "pending", Label: "尚未审结"},
	{Key: "total", Label: "总计"},
}

// ResultRows returns the keys of table 三's result rows for generation g:
// the rows whose sum is （七）总计.
func ResultRows(g Generation) []string {
	// Sized first: one allocation, not a slice grown row by row (the
	// checks ask for it on every report, some of them several times).
	n := 0
	for _, r := range ApplicationRows {
		if isResultRow(r.Key) && r.In(g) {
			n++
		}
	}
	out := make([]string, 0, n)
	for _, r := range ApplicationRows {
		if isResultRow(r.Key) && r.In(g) {
			out = append(out, r.Key)
		}
	}
	return out
}

// isResultRow reports a row of table 三 that is a result of the year's
// handling, not one of the four balance rows.
func isResultRow(key string) bool {
	switch key {
	case "new_requests", "carried_over", "total", "carried_forward":
		return false
	}
	return true
}

// ApplicationRowsFor returns table 三's rows for generation g in order.
func ApplicationRowsFor(g Generation) []RowDef {
	n := 0 // sized first, as ResultRows
	for _, r := range ApplicationRows {
		if r.In(g) {
			n++
		}
	}
	out := make([]RowDef, 0, n)
	for _, r := range ApplicationRows {
		if r.In(g) {
			out = append(out, r)
		}
	}
	return out
}

// DisclosureRow describes one row of table 二 in one generation.
type DisclosureRow struct {
	Key    string
	Label  string
	Fields []ColDef // in printed column order
}

// DisclosureRows lists table 二's rows for the generation (nil for an
// unknown one). The two generations' columns mean different things and are
// never mapped onto each other. (A function over static slices: a map
// literal would be built by package initialisation in every process.)
func DisclosureRows(g Generation) []DisclosureRow {
	switch g {
	case Gen2021:
		return disclosureRows2021
	case Gen2019:
		return disclosureRows2019
	}
	return nil
}

var disclosureRows2021 = []DisclosureRow{
	{Key: "rules", Label: "规章", Fields: []ColDef{{"issued", "本年制发件数"}, {"repealed", "本年废止件数"}, {"in_force", "现行有效件数"}}},
	{Key: "normative_documents", Label: "行政规范性文件", Fields: []ColDef{{"issued", "本年制发件数"}, {"repealed", "本年废止件数"}, {"in_force", "现行有效件数"}}},
	{Key: "licensing", Label: "行政许可", Fields: []ColDef{{"decisions", "本年处理决定数量"}}},
	{Key: "punishment", Label: "行政处罚", Fields: []ColDef{{"decisions", "本年处理决定数量"}}},
	{Key: "coercion", Label: "行政强制", Fields: []ColDef{{"decisions", "本年处理决定数量"}}},
	{Key: "fees", Label: "行政事业性收费", Fields: []ColDef{{"amount_10k_yuan", "本年收费金额（单位：万元）"}}},
}

var disclosureRows2019 = []DisclosureRow{
	{Key: "rules", Label: "规章", Fields: []ColDef{{"new_made", "本年新制作数量"}, {"new_published", "本年新公开数量"}, {"total_published", "对外公开总数量"}}},
	{Key: "normative_documents", Label: "规范性文件", Fields: []ColDef{{"new_made", "本年新制作数量"}, {"new_published", "本年新公开数量"}, {"total_published", "对外公开总数量"}}},
	{Key: "licensing", Label: "行政许可", Fields: []ColDef{{"previous_items", "上一年项目数量"}, {"change", "本年增/减"}, {"decisions", "处理决定数量"}}},
	{Key: "other_services", Label: "其他对外管理服务事项", Fields: []ColDef{{"previous_items", "上一年项目数量"}, {"change", "本年增/减"}, {"decisions", "处理决定数量"}}},
	{Key: "punishment", Label: "行政处罚", Fields: []ColDef{{"previous_items", "上一年项目数量"}, {"change", "本年增/减"}, {"decisions", "处理决定数量"}}},
	{Key: "coercion", Label: "行政强制", Fields: []ColDef{{"previous_items", "上一年项目数量"}, {"change", "本年增/减"}, {"decisions", "处理决定数量"}}},
	{Key: "fees", Label: "行政事业性收费", Fields: []ColDef{{"previous_items", "上一年项目数量"}, {"change", "本年增/减"}}},
	{Key: "procurement", Label: "政府集中采购", Fields: []ColDef{{"projects", "采购项目数量"}, {"amount_yuan", "采购总金额"}}},
}

package corpusgen

import (
	"fmt"
	"strings"

	"github.com/govreport/govreport/model"
)

// The audit documents of corpus/audit/: reports of our own made to raise
// one audit rule (docs/AUDIT.md), and reports made to nearly raise it (the
// precision cases: a wider scope, an approximation, a change, a fee that
// is not table 二's). Each expected file lists the findings of the
// single-report rules the document must raise, none for a near miss.
// The cross-year rules need two reports: the pairs are listed by
// AuditPairs and audited together by corpus/audit_test.go.

const (
	warning = model.SeverityWarning
)

// auditApps is table 三 of most audit reports (2021 format): 32 new
// requests, none carried over, 29 concluded, 3 carried forward.
func auditApps() map[string][7]int {
	return appsOf(model.Gen2021,
		[7]int{30, 2, 0, 0, 0, 0, 32}, person(0),
		[7]int{12, 1, 0, 0, 0, 0, 13}, person(4),
		person(0), person(0), person(0), person(1), person(0), person(0), person(0), person(0),
		[7]int{6, 1, 0, 0, 0, 0, 7}, person(0), person(1),
		person(0), person(2), person(0), person(0), person(0),
		person(1), person(0), person(0),
		[7]int{27, 2, 0, 0, 0, 0, 29}, person(3))
}

// auditReport is a 2021-format report whose prose agrees with its tables:
// the base every audit document changes in one place.
func auditReport(slug, agency string, year int) *Report {
	r := &Report{
		Slug: slug, Agency: agency, Year: year,
		Title:     fmt.Sprintf("%s%d年政府信息公开工作年度报告", agency, year),
		Published: fmt.Sprintf("%d-01-20", year+1), Site: agency, Domain: "www.example.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2021,
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"3", "1", "27"},
			"licensing": {"412"}, "punishment": {"96"}, "coercion": {"7"}, "fees": {"0"},
		},
		Apps:   auditApps(),
		Review: [3][5]int{{1, 0, 0, 0, 1}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}},
	}
	r.Preamble = preamble(r, notice2021)
	r.Overview = []string{
		fmt.Sprintf("%d年，%s深入贯彻《条例》，坚持以公开为常态、不公开为例外，围绕中心工作推进决策、执行、管理、服务、结果公开。", year, agency),
		disclosurePara(r),
		requestsPara(r),
		reviewPara(r),
	}
	r.Problems = []string{
		"一是主动公开的深度和广度还不够，部分栏目更新不及时；二是政策解读形式较为单一；三是依申请公开答复文书的规范性有待提高。",
		"下一步，将建立栏目更新台账，丰富图解、视频等解读形式，定期开展依申请公开案例培训。",
	}
	r.Other = []string{feeSentence(year, false)}
	r.SignOff = []string{agency, fmt.Sprintf("%d年1月20日", year+1)}
	r.Audited = true
	return r
}

func cell(r *Report, row string, i int) string { return r.Disclosure[row][i] }

// disclosurePara restates table 二 (2021 format) as section 一 does.
func disclosurePara(r *Report) string {
	return fmt.Sprintf("（一）主动公开。全年通过门户网站和政务新媒体主动公开政府信息860余条；新制发行政规范性文件%s件，废止%s件，现行有效%s件。作出行政许可决定%s件、行政处罚决定%s件、行政强制决定%s件，均在规定时限内公开。",
		cell(r, "normative_documents", 0), cell(r, "normative_documents", 1), cell(r, "normative_documents", 2),
		cell(r, "licensing", 0), cell(r, "punishment", 0), cell(r, "coercion", 0))
}

// total sums the 总计 column of the rows of table 三 whose key starts
// with prefix (the whole key for a single row).
func total(r *Report, prefix string) int {
	n := 0
	for k, v := range r.Apps {
		if k == prefix || strings.HasPrefix(k, prefix+"_") {
			n += v[6]
		}
	}
	return n
}

// requestsPara restates table 三 as section 一 does.
func requestsPara(r *Report) string {
	return fmt.Sprintf("（二）依申请公开。全年新收政府信息公开申请%d件，上年结转%d件；办结%d件，结转下年度继续办理%d件。办结的申请中，予以公开%d件，部分公开%d件，不予公开%d件，无法提供%d件，不予处理%d件，其他处理%d件。",
		total(r, "new_requests"), total(r, "carried_over"), total(r, "total"), total(r, "carried_forward"),
		total(r, "granted"), total(r, "partially_granted"), total(r, "withheld"), total(r, "unavailable"), total(r, "not_processed"), total(r, "other"))
}

// reviewPara restates table 四.
func reviewPara(r *Report) string {
	lit := r.Review[1][4] + r.Review[2][4]
	s := fmt.Sprintf("（三）监督保障。全年因政府信息公开工作被申请行政复议%d件", r.Review[0][4])
	if lit == 0 {
		return s + "，未被提起行政诉讼。"
	}
	return s + fmt.Sprintf("，被提起行政诉讼%d件。", lit)
}

// audit2019 is a report in the 2019 format (tables 二 and 三).
func audit2019(slug, agency string, year int) *Report {
	r := &Report{
		Slug: slug, Agency: agency, Year: year,
		Title:     fmt.Sprintf("%s%d年政府信息公开工作年度报告", agency, year),
		Published: fmt.Sprintf("%d-01-25", year+1), Site: agency, Domain: "www.example.gov.cn",
		Table2: model.Gen2019, Table3: model.Gen2019, ProcurementUnit: "元",
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"4", "4", "31"},
			"licensing": {"58", "2", "236"}, "other_services": {"12", "0", "40"},
			"punishment": {"71", "-3", "52"}, "coercion": {"9", "0", "3"},
			"fees": {"2", "0"}, "procurement": {"6", "1380000"},
		},
		Apps: appsOf(model.Gen2019,
			person(9), person(0), person(4), person(1),
			person(0), person(0), person(0), person(0), person(0), person(0), person(0), person(0),
			person(2), person(0), person(0),
			person(0), person(1), person(0), person(0), person(0),
			person(0),
			person(8), person(1)),
	}
	r.Preamble = preamble(r, notice2019)
	r.Overview = []string{
		fmt.Sprintf("%d年，%s按照上级关于政务公开工作的部署，推进重点领域信息公开，回应社会关切。", year, agency),
		"（一）主动公开。全年新制作并公开规范性文件4件，通过门户网站发布各类信息520余条。",
		requestsPara(r),
		"（三）监督保障。全年未发生因政府信息公开引起的行政复议和行政诉讼。",
	}
	r.Problems = []string{"一是信息发布的及时性有待提高；二是政策解读的针对性不强。下一步将完善信息发布审核流程，推行图解和问答式解读。"}
	r.Other = []string{"本年度无其他需要报告的事项。"}
	r.SignOff = []string{agency, fmt.Sprintf("%d年1月25日", year+1)}
	r.Audited = true
	return r
}

// AuditPair is two reports of one agency for consecutive years and the
// cross-year findings their audit must raise (rule and severity).
type AuditPair struct {
	Prev, Cur string // document names under corpus/
	Findings  []Finding
}

// AuditPairs lists the pairs of corpus/audit/ for the cross-year rules.
func AuditPairs() []AuditPair {
	return []AuditPair{
		{"audit/tabs-identical-wangjiang-2022.txt", "audit/tabs-identical-wangjiang-2023.txt", []Finding{{"cross_year_identical", warning}}},
		{"audit/tabs-identical-zero-shiquan-2022.txt", "audit/tabs-identical-zero-shiquan-2023.txt", nil},
		{"audit/tabs-carry-over-linjiang-2022.txt", "audit/tabs-carry-over-linjiang-2023.txt", []Finding{{"carry_over", warning}}},
	}
}

// AuditDocs returns the documents of corpus/audit/.
func AuditDocs() []*Doc {
	var docs []*Doc
	add := func(name string, r *Report, what string, fs ...Finding) {
		r.Findings = fs
		r.Notes = []string{"Audit document (corpus/audit): numbers, agency and prose ours; the prose restates the tables except where the document is made to differ."}
		docs = append(docs, &Doc{Name: name, Exercise: what, Encoding: UTF8, Report: r,
			render: func() ([]byte, error) { return RenderTabs(r, Style{}, TabOptions{}), nil }})
	}
	textTable := Finding{"text_table", warning}
	// portal lays a report out as a portal page instead of copied text.
	portal := func(name string, r *Report, what string, fs ...Finding) {
		add(name, r, what, fs...)
		d := docs[len(docs)-1]
		d.render = func() ([]byte, error) { return RenderPortal(r, Style{}, PortalOptions{Breaks: "br"}), nil }
	}

	// text_table.
	r := auditReport("yunling-county-2023", "云岭县人民政府办公室", 2023)
	r.Overview[2] = strings.Replace(r.Overview[2], "全年新收政府信息公开申请32件", "全年共收到政府信息公开申请34件", 1)
	add("audit/tabs-text-table-received-yunling-2023.txt", r,
		"text_table: section 一 says 共收到政府信息公开申请34件 while table 三 gives 32 by every relation (新收 32 + 上年结转 0, （七）总计 29 + 结转下年度 3, 新收 32).", textTable)

	r = auditReport("yunling-county-2023", "云岭县人民政府办公室", 2023)
	r.Overview[2] = strings.Replace(r.Overview[2], "全年新收政府信息公开申请32件", "全年共收到政府信息公开申请34件", 1)
	portal("audit/portal-text-table-received-yunling-2023.html", r,
		"text_table on a portal page: the same report as tabs-text-table-received-yunling-2023.txt (收到申请34件 against 32), laid out in HTML.", textTable)

	r = auditReport("baisha-town-2023", "白沙镇人民政府", 2023)
	r.Disclosure = map[string][]string{
		"rules": {"0", "0", "0"}, "normative_documents": {"0", "0", "0"},
		"licensing": {"0"}, "punishment": {"0"}, "coercion": {"0"}, "fees": {"0"},
	}
	zero := person(0)
	r.Apps = appsOf(model.Gen2021, person(3), zero, person(2), zero,
		zero, zero, zero, zero, zero, zero, zero, zero,
		person(1), zero, zero, zero, zero, zero, zero, zero, zero, zero, zero,
		person(3), zero)
	r.Review = [3][5]int{}
	r.Overview = []string{
		"2023年，白沙镇人民政府按照县政府统一部署，依托县政府门户网站乡镇专栏和村务公开栏做好政务公开工作。",
		"（一）主动公开。全年在乡镇专栏发布信息138条，重点公开财政预决算、惠农补贴和低保救助信息。",
		"（二）依申请公开。本年度未收到政府信息公开申请，未发生政府信息公开行政复议、行政诉讼案件。",
	}
	add("audit/tabs-text-table-none-received-baisha-2023.txt", r,
		"text_table: a township says 本年度未收到政府信息公开申请 above a table 三 with 3 new requests (2 granted, 1 not held).", textTable)

	r = auditReport("songchuan-eco-2023", "松川市生态环境局", 2023)
	r.Overview[2] = strings.Replace(r.Overview[2], "予以公开13件", "予以公开15件", 1)
	r.Overview[3] = strings.Replace(r.Overview[3], "行政复议1件", "行政复议2件", 1)
	add("audit/tabs-text-table-outcomes-songchuan-2023.txt", r,
		"text_table twice: section 一 says 予以公开15件 (table 三 （一）予以公开 13) and 被申请行政复议2件 (table 四 1); the other outcomes it restates agree.", textTable, textTable)

	r = auditReport("songchuan-district-2023", "松川区人民政府办公室", 2023)
	r.Overview[2] = "（二）依申请公开。全区各部门共收到政府信息公开申请56件，其中本机关新收政府信息公开申请32件，比上年多收到申请6件，涉及征收补偿的近20件。2022年，本机关收到政府信息公开申请26件。全年接收群众咨询和政府信息公开申请40件左右，均当场或按期作出答复。办结29件，结转下年度继续办理3件。答复的申请中，予以公开及部分公开共17件，不予公开1件，无法提供8件，不予处理2件，其他处理1件。"
	r.Overview = append(r.Overview[:3],
		"（三）规范性文件清理。对本机关制发的规范性文件和其他公文开展全面清理，现行有效件数424件，清理结果已向社会公布。全年制发公文514件，经公开属性审查，主动公开493件，不予公开21件。",
		"（四）监督保障。区政府作为复议机关，全年受理行政复议申请36件，办理行政复议案件36件；本机关因政府信息公开工作被申请行政复议1件，未被提起行政诉讼。本机关作为被告的诉讼9件，均已审结。本机关作为被告的行政诉讼案件9件，均不涉及政府信息公开。")
	r.Other = []string{"本机关对超出合理数量的申请收取信息处理费，该项费用不属于行政事业性收费。"}
	add("audit/tabs-text-table-near-songchuan-2023.txt", r,
		"text_table precision cases, no finding: 全区各部门共收到…申请56件 (a wider scope), 比上年多收到申请6件 (a change), 申请40件左右 and 近20件 (approximations), a sentence on 2022, 予以公开及部分公开共17件 (two outcomes together), 现行有效件数424件 (every document, not the 行政规范性文件 cell), 公文…不予公开21件 (documents, not requests), 受理行政复议申请36件 (requests for review, not for information) and 行政复议案件36件 without 信息公开, 诉讼9件 without 行政, 行政诉讼案件9件 that 均不涉及政府信息公开; section 六's 信息处理费 while table 二 charges nothing (no fee_mismatch).")

	// narrative_missing.
	r = auditReport("qingxi-county-2023", "青溪县人民政府", 2023)
	r.Problems = []string{"（一）存在的主要问题", "（二）改进措施"}
	add("audit/tabs-narrative-headings-qingxi-2023.txt", r,
		"narrative_missing: section 五 holds only its two sub-headings (（一）存在的主要问题, （二）改进措施), no sentence.", Finding{"narrative_missing", warning})

	r = auditReport("qingxi-water-2023", "青溪县水利局", 2023)
	r.Other = nil
	add("audit/tabs-narrative-empty-qingxi-water-2023.txt", r,
		"narrative_missing: section 六 is its heading followed by the signature (agency and date) alone.", Finding{"narrative_missing", warning})

	r = auditReport("qingxi-edu-2023", "青溪县教育局", 2023)
	r.Problems = []string{"（一）存在的主要问题", "栏目更新不够及时。", "（二）改进措施", "建立更新台账，每月通报。"}
	r.Other = []string{"无。"}
	add("audit/tabs-narrative-near-qingxi-edu-2023.txt", r,
		"narrative_missing precision case, no finding: section 五 short sentences under its sub-headings, section 六 only 无。 (saying there is nothing is content).")

	// fee_mismatch.
	r = auditReport("hexi-market-2023", "河西区市场监督管理局", 2023)
	r.Other = []string{"本机关依法收取行政事业性收费，收费项目、标准和依据已在门户网站公示。"}
	add("audit/tabs-fee-charged-hexi-2023.txt", r,
		"fee_mismatch: section 六 says 本机关依法收取行政事业性收费 while table 二's 本年收费金额 is 0.", Finding{"fee_mismatch", warning})

	r = auditReport("hexi-natres-2023", "河西区自然资源局", 2023)
	r.Disclosure["fees"] = []string{"12.5"}
	r.Other = []string{"本年度本机关未收取行政事业性收费。"}
	add("audit/tabs-fee-none-hexi-natres-2023.txt", r,
		"fee_mismatch: section 六 says 未收取行政事业性收费 while table 二's 本年收费金额 is 12.5 (万元).", Finding{"fee_mismatch", warning})

	r = auditReport("hexi-housing-2023", "河西区住房和城乡建设局", 2023)
	r.Disclosure["fees"] = []string{"12.5"}
	r.Other = []string{
		"本年度本机关收取行政事业性收费12.5万元，全部按规定缴入国库。",
		"依据《政府信息公开信息处理费管理办法》，本机关未收取信息处理费，信息处理费不属于行政事业性收费。",
		"本机关严格执行行政事业性收费公示制度，全年无乱收费现象。",
	}
	add("audit/tabs-fee-near-hexi-housing-2023.txt", r,
		"fee_mismatch precision case, no finding: table 二 charges 12.5 万元, section 六 says so (text_table agrees), says no 信息处理费 was charged (that fee is not 行政事业性收费) and 无乱收费现象 (no unlawful fee, not no fee).")

	r = auditReport("hexi-culture-2023", "河西区文化和旅游局", 2023)
	r.Other = []string{"本机关严格落实行政事业性收费目录清单和公示制度，各项收费依据和标准均在门户网站公开。"}
	add("audit/tabs-fee-near-hexi-culture-2023.txt", r,
		"fee_mismatch precision case, no finding: table 二 charges nothing and section 六 speaks of the 行政事业性收费 catalogue and its publication, not of fees charged.")

	// year_mismatch.
	r = auditReport("dongpo-district-2023", "东坡区人民政府", 2023)
	r.SignOff[1] = "2023年1月20日"
	add("audit/tabs-year-signature-dongpo-2023.txt", r,
		"year_mismatch: a report titled 2023 signed 2023年1月20日 (a January signature tells the year before: last year's date left in place).", Finding{"year_mismatch", warning})

	r = auditReport("dongpo-district-2023", "东坡区人民政府", 2023)
	r.SignOff[1] = "2023年1月20日"
	portal("audit/portal-year-signature-dongpo-2023.html", r,
		"year_mismatch on a portal page: the same report as tabs-year-signature-dongpo-2023.txt (titled 2023, signed 2023年1月20日), laid out in HTML.", Finding{"year_mismatch", warning})

	r = auditReport("dongpo-finance-2023", "东坡区财政局", 2023)
	r.Overview = append([]string{r.Overview[0], "本报告统计期限自2022年1月1日至2022年12月31日。"}, r.Overview[1:]...)
	add("audit/tabs-year-period-dongpo-finance-2023.txt", r,
		"year_mismatch: a report titled 2023 whose section 一 gives the statistics period 自2022年1月1日至2022年12月31日.", Finding{"year_mismatch", warning})

	r = auditReport("dongpo-health-2023", "东坡区卫生健康委员会", 2023)
	r.Overview = append([]string{r.Overview[0], "本报告统计期限自2023年1月1日至2023年12月31日。"}, r.Overview[1:]...)
	r.SignOff[1] = "2023年12月28日"
	add("audit/tabs-year-near-dongpo-health-2023.txt", r,
		"year_mismatch precision case, no finding: a 2023 report with the period of 2023, signed in December of 2023 (a December date tells its own year; January of the next year is the usual case of the others).")

	// template_outdated.
	r = audit2019("beishan-county-2022", "北山县人民政府", 2022)
	add("audit/tabs-template-2019-beishan-2022.txt", r,
		"template_outdated twice: a report on 2022 printed in the 2019 tables 二 and 三 (（六）其他处理 one row, 上一年项目数量 / 本年增/减).",
		Finding{"template_outdated", warning}, Finding{"template_outdated", warning})

	r = audit2019("beishan-county-2020", "北山县人民政府", 2020)
	add("audit/tabs-template-near-beishan-2020.txt", r,
		"template_outdated precision case, no finding: a report on 2020 in the 2019 tables, the format of its year.")

	// cross_year_identical: table 三 copied from one year to the next.
	for _, y := range []int{2022, 2023} {
		r = auditReport(fmt.Sprintf("wangjiang-district-%d", y), "望江区人民政府办公室", y)
		r.Apps = appsOf(model.Gen2021,
			[7]int{40, 3, 0, 0, 0, 0, 43}, person(3),
			[7]int{18, 1, 0, 0, 0, 0, 19}, person(6),
			person(0), person(0), person(0), person(2), person(0), person(0), person(0), person(0),
			[7]int{9, 2, 0, 0, 0, 0, 11}, person(0), person(1),
			person(0), person(3), person(0), person(0), person(0),
			person(1), person(0), person(0),
			[7]int{40, 3, 0, 0, 0, 0, 43}, person(3))
		r.Disclosure["licensing"] = []string{fmt.Sprint(300 + (y-2022)*57)}
		r.Overview[1], r.Overview[2] = disclosurePara(r), requestsPara(r)
		add(fmt.Sprintf("audit/tabs-identical-wangjiang-%d.txt", y), r,
			fmt.Sprintf("cross_year_identical (with the other year, corpus/audit_test.go): table 三 of 2022 and 2023 identical cell for cell, 26 non-zero cells; table 二 differs (行政许可). The %d report alone raises nothing.", y))
	}
	// Identical but all zero: a township that received nothing two years running.
	for _, y := range []int{2022, 2023} {
		r = auditReport(fmt.Sprintf("shiquan-town-%d", y), "石泉乡人民政府", y)
		r.Disclosure = map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"0", "0", "6"},
			"licensing": {"0"}, "punishment": {"0"}, "coercion": {"0"}, "fees": {"0"},
		}
		var rows [][7]int
		for range model.ApplicationRowsFor(model.Gen2021) {
			rows = append(rows, person(0))
		}
		r.Apps = appsOf(model.Gen2021, rows...)
		r.Review = [3][5]int{}
		r.Overview = []string{
			fmt.Sprintf("%d年，石泉乡人民政府依托县政府门户网站乡镇专栏和村务公开栏，做好惠农补贴、低保救助和村级财务信息公开。", y),
			"全乡现行有效的6件规范性文件目录已在乡镇专栏公布。",
			fmt.Sprintf("%d年本机关未收到政府信息公开申请，未发生因政府信息公开引起的行政复议和行政诉讼。", y),
		}
		add(fmt.Sprintf("audit/tabs-identical-zero-shiquan-%d.txt", y), r,
			fmt.Sprintf("cross_year_identical precision case (with the other year, corpus/audit_test.go): tables 三 all zero and tables 二 identical with only a stock (现行有效件数 6): no finding. The %d report alone raises nothing.", y))
	}

	// carry_over: this year's 上年结转 is not last year's 结转下年度.
	r = auditReport("linjiang-county-2022", "临江县人民政府", 2022)
	r.Apps["unavailable_not_held"] = [7]int{4, 1, 0, 0, 0, 0, 5}
	r.Apps["total"] = [7]int{25, 2, 0, 0, 0, 0, 27}
	r.Apps["carried_forward"] = person(5)
	r.Overview[2] = requestsPara(r)
	add("audit/tabs-carry-over-linjiang-2022.txt", r,
		"carry_over (with the 2023 report, corpus/audit_test.go): 5 requests carried forward to 2023. Alone it raises nothing.")
	r = auditReport("linjiang-county-2023", "临江县人民政府", 2023)
	r.Apps["carried_over"] = person(3)
	r.Apps["granted"] = [7]int{15, 1, 0, 0, 0, 0, 16}
	r.Apps["total"] = [7]int{30, 2, 0, 0, 0, 0, 32}
	r.Disclosure["licensing"], r.Disclosure["punishment"] = []string{"438"}, []string{"103"}
	r.Overview[1], r.Overview[2] = disclosurePara(r), requestsPara(r)
	add("audit/tabs-carry-over-linjiang-2023.txt", r,
		"carry_over (with the 2022 report, corpus/audit_test.go): 上年结转 3 where the 2022 report carried 5 forward. Alone it raises nothing.")
	return docs
}

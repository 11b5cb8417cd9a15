package corpusgen

import (
	"fmt"

	"github.com/govreport/govreport/model"
)

// appsOf builds table 三 from rows in the template order of generation g.
func appsOf(g model.Generation, rows ...[7]int) map[string][7]int {
	defs := model.ApplicationRowsFor(g)
	if len(rows) != len(defs) {
		panic(fmt.Sprintf("table 三 %s: %d rows given, template has %d", g, len(rows), len(defs)))
	}
	m := make(map[string][7]int, len(rows))
	for i, d := range defs {
		m[d.Key] = rows[i]
	}
	return m
}

// person is a row where only natural persons applied.
func person(n int) [7]int { return [7]int{n, 0, 0, 0, 0, 0, n} }

func preamble(r *Report, notice string) []string {
	return []string{
		fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和%s要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。本报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。本报告电子版可在“%s”（%s）政府信息公开专栏查阅和下载。如对本报告有疑问，请与%s联系。",
			notice, r.Year, r.Year, r.Site, r.Domain, ownerOf(r.Agency)),
	}
}

const (
	notice2021 = "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
	notice2019 = "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）"
)

// feeSentence is the usual statement of section 六 since 2021.
func feeSentence(year int, collected bool) string {
	if collected {
		return fmt.Sprintf("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），%d年本机关对超出合理数量的政府信息公开申请收取信息处理费，相关收费标准和收取情况已在门户网站公示。", year)
	}
	return fmt.Sprintf("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），%d年本机关未收取信息处理费。", year)
}

// setQinglan: a small county office, 2021 format, mostly zeros. Numbers
// of the seed (湛河区 2023).
func setQinglan() *Report {
	r := &Report{
		Slug: "qinglan-county-2023", Agency: "青岚县人民政府办公室", Year: 2023,
		Title:     "青岚县人民政府办公室2023年政府信息公开工作年度报告",
		Published: "2024-01-22", Site: "青岚县人民政府网", Domain: "www.qinglan.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2021,
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"2", "0", "31"},
			"licensing": {"0"}, "punishment": {"0"}, "coercion": {"0"}, "fees": {"0"},
		},
		Apps: appsOf(model.Gen2021,
			person(12), person(0), person(3), person(0),
			person(0), person(0), person(0), person(0), person(0), person(0), person(0), person(0),
			person(5), person(4), person(0),
			person(0), person(0), person(0), person(0), person(0),
			person(0), person(0), person(0),
			person(12), person(0)),
	}
	r.Preamble = preamble(r, notice2021)
	r.Overview = []string{
		"2023年，县政府办公室坚持以公开为常态、不公开为例外，围绕县委、县政府中心工作，持续深化政务公开，各项工作有序推进。",
		"（一）主动公开。全年通过县政府门户网站发布各类政府信息1260条，其中政策文件48件、政策解读36篇；新制发行政规范性文件2件，全部在印发后20个工作日内公开，现行有效的31件规范性文件已集中汇编公布。",
		"（二）依申请公开。全年新收政府信息公开申请12件，均为自然人提出，已全部在法定期限内答复，无结转至下一年度的申请。办公室确定2名工作人员专门负责申请登记、交办和答复审核。",
		"（三）政府信息管理。对历年发布的规范性文件开展清理，对失效文件作出标注；对纳入监管的18个政务新媒体账号逐月开展巡查。",
		"（四）平台建设。完成门户网站适老化和无障碍改造，新设“乡镇信息”“部门动态”栏目，方便群众集中查阅。",
		"（五）监督保障。召开政务公开工作推进会2次，组织业务培训1次，将政务公开纳入年度绩效考核。",
	}
	r.Problems = []string{
		"一是部分栏目更新不够及时，个别单位信息报送存在滞后；二是政策解读形式较为单一，图解、视频等解读数量偏少；三是工作人员多为兼职，业务能力有待提高。",
		"下一步，县政府办公室将建立栏目更新台账，每月通报更新情况；丰富解读方式，提高解读质量；加强业务培训，稳定工作队伍。",
	}
	r.Other = []string{feeSentence(2023, false)}
	r.SignOff = []string{"青岚县人民政府办公室", "2024年1月22日"}
	r.Notes = []string{"Number set from the seed (湛河区人民政府办公室 2023); agency, prose and layout are ours."}
	return r
}

// setJianghuai: a prefecture-level city, 2021 format, large numbers in
// every applicant column. Numbers of 01 (淮安市 2024).
func setJianghuai() *Report {
	r := &Report{
		Slug: "jianghuai-city-2024", Agency: "江淮市人民政府", Year: 2024,
		Title:     "江淮市人民政府2024年政府信息公开工作年度报告",
		Published: "2025-01-24", Site: "江淮市人民政府", Domain: "www.jianghuai.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2021,
		Disclosure: map[string][]string{
			"rules": {"1", "0", "11"}, "normative_documents": {"8", "26", "66"},
			"licensing": {"447228"}, "punishment": {"3985758"}, "coercion": {"88283"}, "fees": {"96171.6"},
		},
		Apps: appsOf(model.Gen2021,
			[7]int{3001, 53, 0, 0, 61, 4, 3119},
			[7]int{34, 0, 0, 0, 0, 0, 34},
			[7]int{1288, 21, 0, 0, 50, 3, 1362},
			[7]int{447, 7, 0, 0, 0, 0, 454},
			[7]int{2, 0, 0, 0, 0, 0, 2},
			[7]int{30, 1, 0, 0, 0, 0, 31},
			[7]int{5, 0, 0, 0, 0, 0, 5},
			[7]int{6, 0, 0, 0, 0, 0, 6},
			[7]int{7, 1, 0, 0, 0, 0, 8},
			[7]int{12, 0, 0, 0, 0, 0, 12},
			[7]int{9, 0, 0, 0, 0, 0, 9},
			[7]int{105, 0, 0, 0, 0, 0, 105},
			[7]int{746, 12, 0, 0, 10, 1, 769},
			[7]int{11, 0, 0, 0, 0, 0, 11},
			[7]int{1, 0, 0, 0, 0, 0, 1},
			[7]int{56, 6, 0, 0, 0, 0, 62},
			[7]int{25, 0, 0, 0, 0, 0, 25},
			[7]int{0, 0, 0, 0, 0, 0, 0},
			[7]int{0, 0, 0, 0, 0, 0, 0},
			[7]int{1, 0, 0, 0, 0, 0, 1},
			[7]int{67, 3, 0, 0, 1, 0, 71},
			[7]int{6, 0, 0, 0, 0, 0, 6},
			[7]int{108, 2, 0, 0, 0, 0, 110},
			[7]int{2932, 53, 0, 0, 61, 4, 3050},
			[7]int{103, 0, 0, 0, 0, 0, 103}),
		Review: [3][5]int{{72, 64, 178, 37, 351}, {13, 4, 8, 1, 26}, {12, 1, 1, 6, 20}},
	}
	r.Preamble = preamble(r, notice2021)
	r.Overview = []string{
		"2024年，江淮市人民政府认真贯彻落实《条例》和国家、省关于政务公开的工作部署，以提升政务公开质效为主线，推动政务公开标准化规范化建设向基层延伸。",
		"（一）主动公开。全市各级行政机关通过政府网站、政务新媒体和政府公报主动公开政府信息9.6万余条。市政府新制定政府规章1件、行政规范性文件8件，清理废止行政规范性文件26件，现行有效规章11件、行政规范性文件66件，均在市政府门户网站“政策文件库”集中公开。",
		"（二）依申请公开。全市共受理政府信息公开申请3119件，上年结转34件，办结3050件，结转下年度继续办理103件。答复中予以公开1362件，部分公开454件，本机关不掌握相关政府信息769件。",
		"（三）政府信息管理。严格执行公开属性源头认定和发布前保密审查，全年审查拟公开信息2100余条；对市级部门信息公开栏目开展季度检查，督促整改问题74个。",
		"（四）平台建设。优化政府网站集约化平台，完成12个县区、部门网站迁移；政务新媒体实行统一备案管理，关停整合长期不更新账号9个。",
		"（五）监督保障。将政务公开纳入市级机关综合考核；全年因政府信息公开被申请行政复议351件、提起行政诉讼46件，组织对败诉和被纠错案件逐案分析。",
	}
	r.Problems = []string{
		"2024年全市政务公开工作取得一定成效，但仍存在一些不足：一是部分县区政策解读与文件发布不同步；二是依申请公开答复的规范性仍需提升，被复议纠错案件比例偏高；三是基层政务公开专区使用率不高。",
		"针对上述问题，市政府将强化解读与文件“同步起草、同步审签、同步发布”；编印依申请公开答复文书范本并开展案例培训；推动基层专区与便民服务中心融合建设。",
	}
	r.Other = []string{feeSentence(2024, true), "2024年，市政府办公室对全市政务公开第三方评估中发现的问题进行了集中整改，整改情况已在门户网站公开。"}
	r.SignOff = []string{"江淮市人民政府办公室", "2025年1月24日"}
	r.Notes = []string{"Number set from field 01 (淮安市人民政府 2024); agency, prose and layout are ours."}
	return r
}

// setHebin: a hybrid: 2021 table 二, 2019 one-row （六）其他处理 in table 三.
// Table 四 totals wrong in the document itself. Numbers of 02 (洪泽区 2023).
func setHebin() *Report {
	r := &Report{
		Slug: "hebin-district-2023", Agency: "河滨区人民政府", Year: 2023,
		Title:     "河滨区人民政府2023年政府信息公开工作年度报告",
		Published: "2024-01-30", Site: "河滨区人民政府门户网站", Domain: "www.hebin.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2019,
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"0", "5", "5"},
			"licensing": {"550"}, "punishment": {"4119"}, "coercion": {"195"}, "fees": {"7730.28"},
		},
		Apps: appsOf(model.Gen2019,
			person(21), person(0), person(0), person(4),
			person(1), person(0), person(0), person(0), person(0), person(1), person(1), person(0),
			person(10), person(3), person(0),
			person(1), person(0), person(0), person(0), person(0),
			person(0),
			person(21), person(0)),
		Review: [3][5]int{{10, 1, 0, 0, 0}, {0, 0, 0, 0, 0}, {5, 0, 0, 0, 0}},
	}
	r.Preamble = preamble(r, notice2021)
	r.Overview = []string{
		"2023年，河滨区人民政府坚持把政务公开作为建设法治政府、服务型政府的重要抓手，进一步完善工作机制，提升公开实效。",
		"主动公开方面，全年通过区政府门户网站公开各类信息3400余条，清理废止行政规范性文件5件，现行有效行政规范性文件5件。行政许可、行政处罚、行政强制等执法信息按照“双公示”要求在7个工作日内上网公开。",
		"依申请公开方面，2023年全区受理政府信息公开申请21件，均已按期办结，其中部分公开4件，因本机关不掌握相关信息答复10件。",
		"平台建设方面，区政府门户网站完成集约化迁移，开设“重大行政决策”“政策问答”专栏；监督保障方面，区政务公开领导小组定期听取工作汇报，对镇街和部门开展两轮专项督查。",
	}
	r.Problems = []string{
		"存在的主要问题：政策解读的针对性不强，部分解读停留在对文件条文的简单复述；基层政务公开标准目录动态调整不够及时。改进措施：建立解读材料审核机制，推行专家解读和案例解读；每半年对标准目录进行一次梳理更新。",
	}
	r.Other = []string{feeSentence(2023, false)}
	r.Notes = []string{
		"Number set from field 02 (洪泽区人民政府 2023); agency, prose and layout are ours.",
		"HYBRID: table 二 in the 2021 format (active_disclosure keys of 2021), table 三 with a one-row （六）其他处理 (2019 rows, template \"2019\").",
		"Table 四 as printed: 行政复议 总计 0 although 10+1; 复议后起诉 总计 0 although 5: review_total and litigation_after_review_total fail in the document itself.",
	}
	return r
}

// setHailan: a 2021-format zone report with a six-decimal fee amount.
// Numbers of 16 (平潭 2025).
func setHailan() *Report {
	r := &Report{
		Slug: "hailan-zone-2025", Agency: "海澜综合实验区", Year: 2025,
		Title:     "海澜综合实验区2025年度政府信息公开工作年度报告",
		Published: "2026-01-16", Site: "海澜综合实验区管理委员会", Domain: "www.hailan.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2021,
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"58", "45", "546"},
			"licensing": {"2418"}, "punishment": {"644"}, "coercion": {"64"}, "fees": {"4166.241619"},
		},
		Apps: appsOf(model.Gen2021,
			[7]int{151, 3, 0, 0, 0, 0, 154},
			person(0), person(33), person(38),
			person(0), person(0), person(0), person(0), person(3), person(2), person(3), person(3),
			[7]int{49, 1, 0, 0, 0, 0, 50}, person(3), person(0),
			person(2), person(0), person(0), person(0), person(0),
			person(8), person(2), person(1),
			[7]int{147, 1, 0, 0, 0, 0, 148},
			[7]int{4, 2, 0, 0, 0, 0, 6}),
		Review: [3][5]int{{25, 3, 8, 0, 36}, {3, 3, 0, 0, 6}, {3, 0, 0, 0, 3}},
	}
	r.Preamble = preamble(r, notice2021)
	r.Overview = []string{
		"2025年，实验区管委会深入贯彻《条例》，紧扣两岸融合发展和国际旅游岛建设，着力推进决策、执行、管理、服务、结果公开，政务公开工作水平稳步提升。",
		"一是主动公开更加及时。全年新制发行政规范性文件58件，废止45件，现行有效546件，全部纳入规范性文件库动态管理；行政许可、行政处罚、行政强制决定信息分别公开2418件、644件、64件。",
		"二是依申请公开更加规范。全年新收政府信息公开申请154件，办结148件，6件因在法定期限内尚未届满结转下一年度办理。针对申请量较大的征地拆迁、规划建设领域，建立业务部门会商机制。",
		"三是平台阵地更加完善。门户网站开设“惠台政策”“自贸片区”专题，政务新媒体矩阵全年发布信息5600余条；政务服务中心设置政府信息公开查阅点2个。",
		"四是监督保障更加有力。全年组织政务公开培训3期，对区直部门开展季度检查并通报结果。",
	}
	r.Problems = []string{
		"一是部分部门对依申请公开法律风险认识不足，答复文书说理不够充分；二是政策解读的传播力有待提升；三是基层公开专区服务功能发挥不充分。",
		"下一步，管委会将加强依申请公开案例研讨，健全疑难申请会商制度；拓展短视频、图解等解读形式；推动公开专区与便民服务站点融合。",
	}
	r.Other = []string{"2025年，实验区管委会依据《政府信息公开信息处理费管理办法》对1件申请收取信息处理费，申请人逾期未缴纳，依法不再处理。"}
	r.Notes = []string{"Number set from field 16 (平潭综合实验区 2025); agency, prose and layout are ours."}
	return r
}

// setDongjiang: a provincial-capital government office, 2019 format, with
// applicants of several kinds. Numbers of 04 (上海市人民政府办公厅 2019),
// with the 总计 column filled in as the template asks.
func setDongjiang() *Report {
	r := &Report{
		Slug: "dongjiang-govoffice-2019", Agency: "东江市人民政府办公厅", Year: 2019,
		Title:     "2019年东江市人民政府办公厅政府信息公开工作年度报告",
		Published: "2020-01-31", Site: "中国东江", Domain: "www.dongjiang.gov.cn",
		Table2: model.Gen2019, Table3: model.Gen2019, ProcurementUnit: "元",
		Disclosure: map[string][]string{
			"rules": {"13", "13", "524"}, "normative_documents": {"60", "60", "368"},
			"licensing": {"0", "0", "0"}, "other_services": {"0", "0", "0"},
			"punishment": {"0", "0", "0"}, "coercion": {"0", "0", "0"},
			"fees": {"0", "0"}, "procurement": {"6", "251000"},
		},
		Apps: appsOf(model.Gen2019,
			[7]int{821, 35, 0, 0, 2, 1, 859},
			[7]int{18, 0, 0, 0, 0, 0, 18},
			[7]int{258, 12, 0, 0, 1, 1, 272},
			[7]int{3, 0, 0, 0, 0, 0, 3},
			[7]int{14, 0, 0, 0, 0, 0, 14},
			person(0), person(0), person(0),
			[7]int{5, 0, 0, 0, 0, 0, 5},
			[7]int{3, 1, 0, 0, 0, 0, 4},
			person(0),
			[7]int{10, 2, 0, 0, 0, 0, 12},
			[7]int{252, 12, 0, 0, 1, 0, 265},
			[7]int{44, 3, 0, 0, 0, 0, 47},
			[7]int{25, 0, 0, 0, 0, 0, 25},
			[7]int{148, 1, 0, 0, 0, 0, 149},
			[7]int{5, 4, 0, 0, 0, 0, 9},
			person(0), person(0), person(0),
			person(0),
			[7]int{767, 35, 0, 0, 2, 1, 805},
			[7]int{72, 0, 0, 0, 0, 0, 72}),
		Review: [3][5]int{{5, 0, 0, 2, 7}, {8, 0, 0, 1, 9}, {0, 0, 0, 0, 0}},
	}
	r.Headings[3] = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"
	r.Headings[4] = "五、政府信息公开工作存在的主要问题及改进情况"
	r.Preamble = preamble(r, notice2019)
	r.Overview = []string{
		"2019年，市政府办公厅以贯彻实施新修订的《条例》为主线，围绕市委、市政府中心工作，不断提高政府工作透明度，推动政务公开工作取得新进展。",
		"（一）主动公开方面。通过“中国东江”门户网站和《东江市人民政府公报》主动公开市政府规章13件、行政规范性文件60件；及时更新机构职能、办公地址和联系方式，修订政府信息公开指南。",
		"（二）依申请公开方面。全年共受理政府信息公开申请859件，上年结转18件，已答复805件，结转下年度继续办理72件。优化依申请办理流程，在门户网站增加办理进度查询、在线补正功能。",
		"（三）政府信息管理方面。建立政府信息公开属性动态调整机制，对不予公开的信息定期评估；开展规章和规范性文件清理，公布现行有效目录。",
		"（四）平台建设方面。整合市政府门户网站政务公开栏目，完善政策文件库检索功能；政府公报全年编印24期，免费向公共图书馆、档案馆和政务服务中心赠阅。",
		"（五）监督保障方面。全年因政府信息公开工作被申请行政复议7件、提起行政诉讼9件，已审结的案件均维持原答复。",
	}
	r.Problems = []string{
		"一是政府信息公开申请数量持续增长，答复规范化水平仍需提高；二是政策解读的形式和渠道有待进一步丰富；三是基层政务公开工作人员业务培训覆盖面不够。",
		"2020年，市政府办公厅将修订依申请公开答复文书示范文本，加强疑难案件会商；推行图解、视频、在线访谈等多种解读方式；分层分类开展业务培训。",
	}
	r.Other = []string{"本年度无其他需要报告的事项。"}
	r.Notes = []string{"Number set from field 04 (上海市人民政府办公厅 2019), with the 总计 column of the result rows filled in (the field document leaves it blank); agency, prose and layout are ours."}
	return r
}

// setDongyu: a 2019-format county report of 2020 with signed 本年增/减 and
// a procurement amount with decimals. Numbers of 21 (平潭 2019), changes ours.
func setDongyu() *Report {
	r := &Report{
		Slug: "dongyu-county-2020", Agency: "东屿县人民政府", Year: 2020,
		Title:     "东屿县人民政府2020年度政府信息公开工作年度报告",
		Published: "2021-01-28", Site: "东屿县人民政府网", Domain: "www.dongyu.gov.cn",
		Table2: model.Gen2019, Table3: model.Gen2019, ProcurementUnit: "元",
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"89", "89", "89"},
			"licensing": {"396", "-18", "181"}, "other_services": {"10", "4", "153"},
			"punishment": {"2648", "0", "430"}, "coercion": {"126", "-3", "25"},
			"fees": {"35", "-2"}, "procurement": {"135", "75394432.52"},
		},
		Apps: appsOf(model.Gen2019,
			person(23), person(0), person(7), person(1),
			person(0), person(0), person(0), person(0), person(0), person(0), person(0), person(0),
			person(7), person(0), person(5),
			person(0), person(3), person(0), person(0), person(0),
			person(0),
			person(23), person(0)),
	}
	r.Headings[0] = "一、概述"
	r.Headings[3] = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"
	r.Preamble = preamble(r, notice2019)
	r.Overview = []string{
		"2020年，县政府认真贯彻落实《条例》和省、市关于政务公开工作的部署要求，在统筹推进疫情防控和经济社会发展中，坚持把政务公开作为回应社会关切、稳定社会预期的重要手段。",
		"（一）围绕疫情防控做好信息发布。全年召开疫情防控新闻发布会16场，第一时间发布确诊病例、风险地区、防控措施等信息，及时回应群众关切。",
		"（二）围绕“六稳”“六保”做好政策公开。集中公开减税降费、援企稳岗、复工复产政策89件，均配发政策解读。",
		"（三）规范依申请公开办理。全年共收到政府信息公开申请23件，全部按期答复，其中予以公开7件、部分公开1件。",
		"（四）加强平台建设。整合县政府门户网站政务公开专栏，政府信息公开目录按照基层政务公开标准目录重新梳理。",
	}
	r.Problems = []string{
		"一是部分单位主动公开意识不强，信息发布不够及时；二是政务公开工作人员变动频繁，业务水平参差不齐。下一步，县政府将加大督查考核力度，定期通报各单位公开情况；加强业务培训，提升工作人员能力。",
	}
	r.Other = []string{"本年度无其他需要报告的事项。"}
	r.SignOff = []string{"东屿县人民政府办公室", "2021年1月28日"}
	r.Notes = []string{"Number set from field 21 (平潭综合实验区 2019); 本年增/减 values (-18, +4, 0, -3, -2) and agency, year, prose and layout are ours."}
	return r
}

// setNanpu: a 2021-format district report whose own arithmetic is wrong on
// purpose: the 总计 of （一）予以公开 and the 总计 of 行政复议.
func setNanpu() *Report {
	r := &Report{
		Slug: "nanpu-district-2022", Agency: "南浦区人民政府", Year: 2022,
		Title:     "南浦区人民政府2022年政府信息公开工作年度报告",
		Published: "2023-01-18", Site: "南浦区人民政府", Domain: "www.nanpu.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2021,
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"12", "3", "87"},
			"licensing": {"1520"}, "punishment": {"388"}, "coercion": {"41"}, "fees": {"215.5"},
		},
		Apps: appsOf(model.Gen2021,
			[7]int{151, 3, 0, 0, 0, 0, 154},
			person(0),
			[7]int{33, 0, 0, 0, 0, 0, 35}, // 总计 wrong on purpose: the columns sum to 33
			person(38),
			person(0), person(0), person(0), person(0), person(3), person(2), person(3), person(3),
			[7]int{49, 1, 0, 0, 0, 0, 50}, person(3), person(0),
			person(2), person(0), person(0), person(0), person(0),
			person(8), person(2), person(1),
			[7]int{147, 1, 0, 0, 0, 0, 148},
			[7]int{4, 2, 0, 0, 0, 0, 6}),
		Review: [3][5]int{{25, 3, 8, 0, 35}, {3, 3, 0, 0, 6}, {3, 0, 0, 0, 3}}, // 行政复议 总计 wrong on purpose: 25+3+8+0 = 36
	}
	r.Headings[3] = "四、政府信息公开行政复议、行政诉讼情况"
	r.Preamble = preamble(r, notice2021)
	r.Overview = []string{
		"2022年，南浦区人民政府坚持以人民为中心的发展思想，聚焦优化营商环境和民生保障，推动政务公开提质增效。",
		"主动公开方面，区政府及各部门全年新制发行政规范性文件12件，废止3件，现行有效87件，全部在区政府门户网站“政策文件”栏目公开并同步发布解读。",
		"依申请公开方面，全年新收政府信息公开申请154件，办结148件，结转下年度6件。其中，予以公开33件，部分公开38件。",
		"监督保障方面，区政府办公室每季度对各部门政务公开工作进行检查通报，全年因政府信息公开被申请行政复议36件。",
	}
	r.Problems = []string{
		"一是个别部门信息公开审查把关不严，存在公开信息表述不规范的情况；二是依申请公开答复的说理性有待加强。下一步将完善发布前审核流程，组织依申请公开案例培训。",
	}
	r.Other = []string{feeSentence(2022, false)}
	r.Notes = []string{
		"Arithmetic wrong in the document on purpose: （一）予以公开 总计 printed 35 while the applicant columns sum to 33 (row_total granted fails, and results fails in column total: result rows sum to 150, （七）总计 148); 行政复议 总计 printed 35 while 25+3+8+0 = 36 (review_total fails).",
	}
	return r
}

// setShimen: a township that received nothing: an all-zero 2021 report.
func setShimen() *Report {
	zero := person(0)
	var rows [][7]int
	for range model.ApplicationRowsFor(model.Gen2021) {
		rows = append(rows, zero)
	}
	r := &Report{
		Slug: "shimen-town-2022", Agency: "石门镇人民政府", Year: 2022,
		Title:     "石门镇人民政府2022年度政府信息公开工作年度报告",
		Published: "2023-01-12", Site: "青岚县人民政府网", Domain: "www.qinglan.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2021,
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"0", "0", "0"},
			"licensing": {"0"}, "punishment": {"0"}, "coercion": {"0"}, "fees": {"0"},
		},
		Apps: appsOf(model.Gen2021, rows...),
	}
	r.Preamble = preamble(r, notice2021)
	r.Overview = []string{
		"2022年，石门镇人民政府按照县委、县政府关于政务公开工作的统一部署，依托县政府门户网站乡镇专栏和村务公开栏，做好财政预决算、惠农补贴、低保救助等信息公开。",
		"全年在乡镇专栏发布信息126条，更新村务公开栏四次。2022年本机关未收到政府信息公开申请，未发生因政府信息公开引起的行政复议和行政诉讼。",
	}
	r.Problems = []string{"存在的问题是公开内容以工作动态为主，政策类信息偏少。下一步将按照基层政务公开标准目录，补充完善涉农政策和办事指南。"}
	r.Other = []string{feeSentence(2022, false)}
	r.Notes = []string{"An all-zero report: nothing received, nothing reviewed; every cell reads 0."}
	return r
}

// setChengchuanMarket: a district department whose table 二 has no 规章
// row (departments make no rules), so rules is null, not 0.
func setChengchuanMarket() *Report {
	r := &Report{
		Slug: "chengchuan-market-2024", Agency: "澄川区市场监督管理局", Year: 2024,
		Title:     "澄川区市场监督管理局2024年度政府信息公开工作年度报告",
		Published: "2025-01-23", Site: "澄川区人民政府", Domain: "www.chengchuan.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2021,
		Disclosure: map[string][]string{
			"normative_documents": {"4", "2", "37"},
			"licensing":           {"1268"}, "punishment": {"212"}, "coercion": {"35"}, "fees": {"0"},
		},
		Null: map[string]bool{
			"active_disclosure.rules.issued": true, "active_disclosure.rules.repealed": true, "active_disclosure.rules.in_force": true,
		},
		Apps: appsOf(model.Gen2021,
			[7]int{6, 3, 0, 0, 0, 0, 9},
			person(1),
			[7]int{2, 1, 0, 0, 0, 0, 3},
			[7]int{0, 1, 0, 0, 0, 0, 1},
			person(0), person(0), person(0), person(0), person(0), person(0), person(0), person(0),
			person(2), person(0), person(0),
			person(0), person(1), person(0), person(0), person(0),
			person(0), person(0), person(0),
			[7]int{5, 2, 0, 0, 0, 0, 7},
			[7]int{2, 1, 0, 0, 0, 0, 3}),
		Review: [3][5]int{{1, 0, 0, 0, 1}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}},
	}
	r.Preamble = []string{
		fmt.Sprintf("根据《中华人民共和国政府信息公开条例》和区政务公开工作的统一要求，澄川区市场监督管理局编制本报告。报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。对本报告有疑问的，请与澄川区市场监督管理局办公室联系（电话：0000-00000000）。", r.Year, r.Year),
	}
	r.Overview = []string{
		"2024年，区市场监督管理局围绕优化营商环境和守护消费安全两条主线，把政务公开融入市场准入、监管执法和消费维权各环节。",
		"（一）执法信息公开。行政许可决定1268件、行政处罚决定212件、行政强制决定35件，均在作出决定之日起7个工作日内通过区政府门户网站和国家企业信用信息公示系统公开。",
		"（二）规范性文件管理。本年制发行政规范性文件4件，废止2件，现行有效37件，目录在门户网站“部门文件”栏目动态更新。",
		"（三）依申请公开。全年新收政府信息公开申请9件，上年结转1件；答复7件，其中予以公开3件、部分公开1件，本机关不掌握相关政府信息2件，重复申请1件；3件结转下年度办理。",
	}
	r.Problems = []string{
		"一是食品抽检等专业信息的发布以表格为主，群众阅读不便；二是个别执法科室公开时限把握不严。下一步将推出抽检信息图解，把公开时限纳入执法案卷评查。",
	}
	r.Other = []string{feeSentence(2024, false)}
	r.SignOff = []string{"澄川区市场监督管理局", "2025年1月23日"}
	r.Notes = []string{
		"Our own number set for a district department. Table 二 has no 规章 row (the department makes no rules): active_disclosure.rules is null, not 0.",
	}
	return r
}

// setChengchuanEdu: a district education bureau whose report is published
// inside its cover letter to the district office.
func setChengchuanEdu() *Report {
	r := &Report{
		Slug: "chengchuan-edu-2022", Agency: "澄川区教育局", Year: 2022,
		Title:     "澄川区教育局关于报送2022年度政府信息公开工作年度报告的函",
		Published: "2023-01-17", Site: "澄川区人民政府", Domain: "www.chengchuan.gov.cn",
		Table2: model.Gen2021, Table3: model.Gen2021,
		Disclosure: map[string][]string{
			"rules": {"0", "0", "0"}, "normative_documents": {"3", "1", "14"},
			"licensing": {"86"}, "punishment": {"2"}, "coercion": {"0"}, "fees": {"0"},
		},
		Apps: appsOf(model.Gen2021,
			[7]int{4, 0, 0, 0, 0, 1, 5},
			person(0),
			person(2), person(1),
			person(0), person(0), person(0), person(0), person(0), person(0), person(0), person(0),
			[7]int{0, 0, 0, 0, 0, 1, 1}, person(0), person(0),
			person(0), person(0), person(0), person(0), person(0),
			person(1), person(0), person(0),
			[7]int{4, 0, 0, 0, 0, 1, 5},
			person(0)),
		Review: [3][5]int{{0, 0, 0, 0, 0}, {1, 0, 0, 0, 1}, {0, 0, 0, 0, 0}},
	}
	r.Preamble = []string{
		"区政府办公室：",
		"按照《中华人民共和国政府信息公开条例》和区政府办公室关于做好2022年度政府信息公开工作年度报告编制工作的通知要求，我局编制完成了2022年度政府信息公开工作年度报告，现予报送，并在区政府门户网站“政府信息公开年报”栏目同步公布。报告统计期限自2022年1月1日起至2022年12月31日止。",
	}
	r.Overview = []string{
		"2022年，区教育局围绕招生入学、教育收费、学生资助等群众关心的事项，推动教育领域政务公开向学校延伸。",
		"（一）主动公开。在区政府门户网站发布教育信息420余条，其中义务教育招生政策及解读12篇；新制发行政规范性文件3件，废止1件，现行有效14件。",
		"（二）依申请公开。全年收到政府信息公开申请5件，其中自然人4件、其他组织1件，全部在法定期限内答复。",
		"（三）平台建设。全区中小学统一设置校务公开栏，学校收费项目和标准在校门口和学校网站同步公示。",
	}
	r.Problems = []string{
		"存在的问题：学校层面公开内容不够规范，部分学校公开栏更新不及时。改进措施：制定学校信息公开事项清单，每学期开展一次检查。",
	}
	r.Other = []string{feeSentence(2022, false)}
	r.SignOff = []string{"澄川区教育局", "2023年1月17日"}
	r.Notes = []string{
		"Our own number set. Published as a cover letter (…关于报送2022年度政府信息公开工作年度报告的函) with the addressee 区政府办公室：, a covering paragraph, the report 一 to 六 without a title line of its own, and the bureau's signature: the agency is the issuing body 澄川区教育局, the year 2022.",
	}
	return r
}

// Sets returns the number sets of the corpus in a fixed order.
func Sets() []*Report {
	return []*Report{setQinglan(), setJianghuai(), setHebin(), setHailan(), setDongjiang(), setDongyu(), setNanpu(), setShimen(), setChengchuanMarket(), setChengchuanEdu()}
}

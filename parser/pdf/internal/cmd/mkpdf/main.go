// Command mkpdf draws a report PDF from a number set (an expected JSON of
// the corpus) with the repository's own PDF writer: non-embedded SimSun
// through a predefined CMap without ToUnicode, optionally with every page
// inside a Form XObject. The prose is generic text written for the corpus.
//
//	go run ./parser/pdf/internal/cmd/mkpdf -in corpus/html/x.expected.json -out x.pdf [-enc UniGB-UCS2-H] [-form]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/govreport/govreport/parser/pdf/internal/reportpdf"
)

func main() {
	in := flag.String("in", "", "expected JSON with the numbers")
	out := flag.String("out", "", "PDF to write")
	enc := flag.String("enc", "GBK-EUC-H", "predefined CMap: GBK-EUC-H or UniGB-UCS2-H")
	form := flag.Bool("form", false, "draw each page inside a Form XObject")
	flate := flag.Bool("flate", true, "compress the content streams")
	repeat := flag.Bool("repeat-header", false, "draw table 三's header again on its continuation page")
	wrapDigits := flag.Int("wrap-digits", 0, "wrap table 三 numbers longer than this onto two lines in their cell")
	flag.Parse()
	b, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var rep reportpdf.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pdf := reportpdf.Render(rep, Prose(rep), reportpdf.Options{Encoding: *enc, Form: *form, Compress: *flate, WrapDigits: *wrapDigits, RepeatHeader: *repeat})
	if err := os.WriteFile(*out, pdf, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Prose writes the running text of a report around its numbers.
func Prose(r reportpdf.Report) reportpdf.Prose {
	newReq := r.Applications["new_requests"]["total"]
	fee := r.ActiveDisclosure["fees"]["amount_10k_yuan"]
	_ = fee
	return reportpdf.Prose{
		Preamble: []string{
			fmt.Sprintf("本报告由%s办公室依据《中华人民共和国政府信息公开条例》编写，统计期间为%d年1月1日至%d年12月31日。对本报告如有疑问，可与%s办公室联系。", r.Agency, r.Year, r.Year, r.Agency),
		},
		Overview: []string{
			fmt.Sprintf("%d年，%s围绕群众关切推进政务公开，完善公开目录，规范发布审核流程，政府网站和政务新媒体运行平稳。", r.Year, r.Agency),
			fmt.Sprintf("（一）依申请公开情况。全年新收政府信息公开申请%d件，均在法定期限内作出答复。", newReq),
			"（二）平台建设情况。整合栏目设置，定期检查链接有效性，及时更新政策文件和解读材料。",
		},
		Problems: []string{
			"工作中仍存在政策解读形式较单一、基层公开队伍力量不足等问题。下一步将丰富解读方式，加强业务培训，提升答复质量。",
		},
		Other: []string{
			fmt.Sprintf("%d年未收取政府信息公开信息处理费。", r.Year),
		},
	}
}

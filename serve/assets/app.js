// The workbench's pages: uploads with progress, the list's filter and
// selection, the provenance panel of the report view. No framework.
(function () {
  "use strict";
  function $(s, el) { return (el || document).querySelector(s); }
  function $$(s, el) { return [].slice.call((el || document).querySelectorAll(s)); }

  // Uploads: one request per file, so that each shows its own progress
  // and one slow document does not hold the others.
  var input = $("#file-input"), drop = $("#drop"), list = $("#progress");
  function upload(files) {
    var pending = files.length;
    [].forEach.call(files, function (f) {
      var li = document.createElement("li");
      li.textContent = f.name + "：上传中…";
      list.appendChild(li);
      var fd = new FormData();
      fd.append("file", f, f.name);
      var x = new XMLHttpRequest();
      x.open("POST", "/api/reports");
      x.upload.onprogress = function (e) {
        if (e.lengthComputable) li.textContent = f.name + "：上传 " + Math.round(100 * e.loaded / e.total) + "%";
      };
      x.upload.onload = function () { li.textContent = f.name + "：正在读取…"; };
      x.onload = function () {
        var res;
        try { res = JSON.parse(x.responseText); } catch (e) { res = null; }
        if (Array.isArray(res) && res[0] && !res[0].error) {
          li.className = "ok";
          li.textContent = f.name + "：已读取";
        } else {
          li.className = "err";
          var why = Array.isArray(res) && res[0] && res[0].error ? res[0].error.reason : (res && res.error ? res.error.message : "HTTP " + x.status);
          li.textContent = f.name + "：" + why;
        }
        if (--pending === 0) setTimeout(function () { location.reload(); }, 600);
      };
      x.onerror = function () { li.className = "err"; li.textContent = f.name + "：连接失败"; pending--; };
      x.send(fd);
    });
  }
  if (input) input.addEventListener("change", function () { if (input.files.length) upload(input.files); });
  if (drop) {
    ["dragenter", "dragover"].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) { if (e.dataTransfer.files.length) upload(e.dataTransfer.files); });
  }

  // Folders still being read: refresh until done.
  var loading = $("#loading");
  if (loading && loading.getAttribute("data-done") !== loading.getAttribute("data-total")) {
    setTimeout(function () { location.reload(); }, 1500);
  }

  // The list: filter, select, compare.
  var filter = $("#list-filter");
  if (filter) filter.addEventListener("input", function () {
    var q = filter.value.trim();
    $$("#report-list tbody tr").forEach(function (tr) { tr.style.display = !q || tr.textContent.indexOf(q) >= 0 ? "" : "none"; });
  });
  var all = $("#select-all");
  if (all) all.addEventListener("change", function () {
    $$("#report-list tbody tr").forEach(function (tr) { if (tr.style.display !== "none") $("input.pick", tr).checked = all.checked; });
  });
  // Regions and years pick the reports: those under a ticked division
  // (any) of a ticked year (any; none ticked: every year).
  function pick() {
    var regions = $$("input.region:checked").map(function (c) { return c.value; });
    var years = $$("input.year:checked").map(function (c) { return c.value; });
    $$("#report-list tbody tr").forEach(function (tr) {
      var rs = tr.getAttribute("data-regions").split(" ");
      var inRegion = !regions.length || regions.some(function (r) { return rs.indexOf(r) >= 0; });
      var inYear = !years.length || years.indexOf(tr.getAttribute("data-year")) >= 0;
      $("input.pick", tr).checked = (regions.length || years.length) ? inRegion && inYear : false;
    });
  }
  $$("input.region, input.year").forEach(function (c) { c.addEventListener("change", pick); });
  var cf = $("#compare-form");
  if (cf) cf.addEventListener("submit", function () {
    $("#compare-ids").value = $$("input.pick:checked").map(function (c) { return c.value; }).join(",");
  });

  // The report view: a number's provenance and the lines around it.
  var prov = $("#prov");
  function showContext(line) {
    var t = $("#prov-context");
    t.textContent = "";
    t.removeAttribute("data-line");
    if (!line || line === "0") return;
    var id = $("main.report").getAttribute("data-id");
    fetch("/api/reports/" + encodeURIComponent(id) + "/lines?line=" + encodeURIComponent(line) + "&around=3")
      .then(function (r) { return r.json(); })
      .then(function (res) {
        t.textContent = "";
        if (!res.lines) {
          var tr0 = t.insertRow(), c0 = tr0.insertCell();
          c0.textContent = res.error ? res.error.message : "无法显示";
          c0.className = "note";
          return;
        }
        res.lines.forEach(function (l) {
          var tr = t.insertRow();
          if (String(l.line) === String(line)) tr.className = "here";
          tr.setAttribute("data-line", l.line);
          tr.insertCell().textContent = (l.page ? l.page + ":" : "") + l.line;
          tr.insertCell().textContent = l.text;
        });
        t.setAttribute("data-line", line);
      });
  }
  if (prov) {
    $(".close", prov).addEventListener("click", function () { prov.hidden = true; });
    $$("button.val").forEach(function (b) {
      b.addEventListener("click", function () {
        $$("button.val.on").forEach(function (o) { o.classList.remove("on"); });
        b.classList.add("on");
        var d = b.dataset;
        $("#prov-path").textContent = d.path;
        $("#prov-label").textContent = d.label;
        $("#prov-value").textContent = b.textContent;
        if (d.raw !== undefined) {
          $("#prov-raw").textContent = d.raw === "" ? "（空白单元格）" : d.raw;
          $("#prov-where").textContent = (d.page && d.page !== "0" ? "第 " + d.page + " 页，" : "") + "第 " + d.line + " 行" + (d.inferred ? "（原文此格为空，数值由表内两处勾稽关系推出）" : "");
        } else {
          $("#prov-raw").textContent = "（没有读到）";
          $("#prov-where").textContent = "—";
        }
        var notes = $("#prov-notes");
        notes.textContent = "";
        (d.reasons ? d.reasons.split("\n") : []).concat(d.notes ? d.notes.split("\n") : []).forEach(function (t) {
          if (!t) return;
          var p = document.createElement("p");
          p.textContent = t;
          if (t.charAt(0) === "✗") p.className = "bad";
          notes.appendChild(p);
        });
        prov.hidden = false;
        showContext(d.line);
      });
    });
  }
})();

/** What the report pages share: escaping and one stylesheet (inline, so a page works from file:// alone). */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%;margin:1rem 0;table-layout:fixed}th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.reqs th:nth-child(1){width:60%}.reqs th:nth-child(2){width:7%}.reqs th:nth-child(3){width:15%}
th{background:#f5f5f7}code,pre{font:12px ui-monospace,monospace}pre{background:#f5f5f7;padding:.6rem;overflow:auto;max-height:28rem;white-space:pre-wrap}
.badge{display:inline-block;border-radius:3px;padding:0 .45rem;font-weight:600;white-space:nowrap}
.passed .badge,.badge.passed{background:#d8f5dd;color:#0b6b1d}.failed .badge,.badge.failed{background:#fde0e0;color:#a4161a}
.waived .badge,.badge.waived{background:#e6e0f8;color:#4b2e9a}.skipped .badge,.badge.skipped{background:#fff3cd;color:#7a5b00}.blocked .badge,.badge.blocked{background:#ffe5cc;color:#8a3b00}.not-tested .badge,.badge.not-tested{background:#e8e8ed;color:#555}
.matrix{table-layout:auto;width:auto}.matrix th{white-space:nowrap;font-size:12px}.cell{text-align:center;font-weight:700}.cell.passed{background:#d8f5dd;color:#0b6b1d}.cell.failed{background:#fde0e0;color:#a4161a}.cell.na{color:#999}
.stmt{color:#444}.reason{color:#7a5b00}.dev{color:#5b3fa0}details{margin:.3rem 0}.causes{background:#fff7f7;border:1px solid #f3c2c2;padding:.6rem 1rem;border-radius:6px}.causes.clean{background:#f3fbf4;border-color:#bfe3c5}
.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #eee}.filters label{margin-right:1rem}
.hidden{display:none}
`

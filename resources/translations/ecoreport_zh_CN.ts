<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/ui/about.py" line="14"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about.py" line="15"/>
        <location filename="../../desktop/ui/about.py" line="51"/>
        <source>About EcoReport</source>
        <translation>关于 EcoReport</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about.py" line="17"/>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about.py" line="21"/>
        <source>Input method check…</source>
        <translation>输入法检查…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about.py" line="44"/>
        <source>&lt;h3&gt;EcoReport %1&lt;/h3&gt;&lt;p&gt;Half-year reporting and review of ecological-environment indicators.&lt;/p&gt;&lt;p&gt;Qt %2, PySide6 %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;生态环境半年报填报审核系统 EcoReport %1&lt;/h3&gt;&lt;p&gt;生态环境指标半年报的填报、审核与汇总。&lt;/p&gt;&lt;p&gt;Qt %2，PySide6 %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AcceptDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/accept.py" line="12"/>
        <location filename="../../desktop/ui/dialogs/accept.py" line="40"/>
        <source>Accept</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/accept.py" line="14"/>
        <source>Accept these submissions? An accepted half is locked; reopening it needs a reason.</source>
        <translation>确认审核通过以下报送？通过后该半年度数据即锁定，重新打开须说明理由。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/accept.py" line="15"/>
        <source>Accept this submission? An accepted half is locked; reopening it needs a reason.</source>
        <translation>确认审核通过该报送？通过后该半年度数据即锁定，重新打开须说明理由。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/accept.py" line="23"/>
        <source>Note: this submission has %1.</source>
        <translation>注意：本报送中%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/accept.py" line="28"/>
        <source>Not accepted (selected, but not ready):</source>
        <translation>不予通过（已选中，但尚不具备条件）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/accept.py" line="34"/>
        <source>Comment (optional; recorded with the decision):</source>
        <translation>审核意见（可不填；与审核结论一并记录）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/accept.py" line="40"/>
        <source>Accept %1</source>
        <translation>通过 %1 个</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="54"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="54"/>
        <location filename="../../desktop/ui/review/audit_page.py" line="72"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="55"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="55"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="56"/>
        <source>Half-year</source>
        <translation>半年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="56"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="57"/>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="58"/>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="59"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="68"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="74"/>
        <source>Indicator: name or code</source>
        <translation>指标名称或代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="83"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="86"/>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="86"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="103"/>
        <source>Hash chain intact: %1 entries checked</source>
        <translation>哈希链完整：已核验 %1 条记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="106"/>
        <source>The audit log was tampered with: %1</source>
        <translation>审计日志被篡改：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="123"/>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="136"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="136"/>
        <source>audit.xlsx</source>
        <translation>审计日志.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="137"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="142"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/audit_page.py" line="159"/>
        <source>Writing the audit log…</source>
        <translation>正在写出审计日志…</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="16"/>
        <source>Back up the database…</source>
        <translation>备份数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="17"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="28"/>
        <source>Only an administrator restores a backup: it undoes every edit and sign-off made since</source>
        <translation>只有管理员可以从备份恢复：恢复会撤销备份之后的所有修改和签发</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="36"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="37"/>
        <location filename="../../desktop/ui/backup_actions.py" line="59"/>
        <source>Database backups (*.sqlite3)</source>
        <translation>数据库备份 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="43"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="47"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="51"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="58"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="72"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="86"/>
        <source>Restored from %1; the data before it is kept in %2</source>
        <translation>已从备份 %1 恢复；恢复前的数据已备份到 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="65"/>
        <source>Replace all data with the backup? The current data is backed up first.</source>
        <translation>用备份替换全部数据？当前数据会先行备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="68"/>
        <source>This backup is older than versions signed off here: %1. Restored, this computer no longer holds their data, which the bureau may already have.

%2</source>
        <translation>此备份早于本机已签发的报送：%1。恢复后本机不再有这些版本的数据，而市局可能已经收到。

%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="78"/>
        <source>Restoring the database…</source>
        <translation>正在恢复数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_actions.py" line="82"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
</context>
<context>
    <name>CellMessage</name>
    <message>
        <location filename="../../desktop/ui/grid_view.py" line="46"/>
        <source>Why the value was not stored</source>
        <translation>未保存的原因</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/change_password.py" line="11"/>
        <source>Set your password</source>
        <translation>设置您的密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/change_password.py" line="12"/>
        <source>%1 logs in for the first time with a one-time password. Choose your own password (at least 8 characters, not the user name).</source>
        <translation>%1 首次使用一次性密码登录。请设置自己的密码（至少8个字符，不能与用户名相同）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/change_password.py" line="22"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/change_password.py" line="23"/>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/change_password.py" line="36"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>CheckTreeModel</name>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="19"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="19"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="19"/>
        <source>Notices</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="50"/>
        <source>Checks</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="69"/>
        <source> (explained)</source>
        <translation>（已说明）</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../desktop/ui/checks_panel.py" line="37"/>
        <location filename="../../desktop/ui/checks_panel.py" line="123"/>
        <source>Select a warning to explain it.</source>
        <translation>选择一条警告以填写说明。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/checks_panel.py" line="40"/>
        <source>Why does this value miss its target or change so much?</source>
        <translation>请说明该数值未达标或变化较大的原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/checks_panel.py" line="43"/>
        <source>Save explanation</source>
        <translation>保存说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/checks_panel.py" line="45"/>
        <source>Checks</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/checks_panel.py" line="46"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CopyTargetsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="97"/>
        <source>Copy targets to %1</source>
        <translation>复制目标到%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="100"/>
        <source>the city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="100"/>
        <source>every district</source>
        <translation>各区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="100"/>
        <source>city and districts</source>
        <translation>全市和各区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="109"/>
        <source>Basis (required)</source>
        <translation>依据（必填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="120"/>
        <source>Give the basis of each target. Example (示例) bases are not carried forward.</source>
        <translation>请填写每项目标的依据。示例依据不会沿用。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="80"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="80"/>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="421"/>
        <source>City</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="80"/>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="81"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="81"/>
        <source>Attainment</source>
        <translation>达标情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="97"/>
        <source>※ Figures the bureau enters or measures itself: assessed as usual. The others are provisional totals of the districts counted, not assessed yet.</source>
        <translation>※ 市局直接填报或监测的指标，不受区县审核进度影响，照常评价；其余为所计入区县的初步合计数，暂不评价。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="106"/>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="108"/>
        <source>Save as Word…</source>
        <translation>保存为 Word 文档…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="109"/>
        <source>The narrative report as a Word document in the bureau&apos;s layout, counting the districts chosen above</source>
        <translation>按公文格式保存文字报告（Word 文档），计入上方所选的区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="113"/>
        <source>Accepted districts only</source>
        <translation>仅已审核通过的区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="114"/>
        <source>Accepted and received districts (provisional)</source>
        <translation>已审核通过及已报送的区县（初步）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="115"/>
        <source>Districts counted in the city&apos;s figures</source>
        <translation>全市数据计入的区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="119"/>
        <source>City figures count:</source>
        <translation>全市数据计入：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="122"/>
        <source>Save the city workbook…</source>
        <translation>保存全市汇总表…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="123"/>
        <source>The city&apos;s consolidation workbook for this half, counting the districts chosen here</source>
        <translation>本半年全市汇总工作簿，按此处选择的区县范围计入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="127"/>
        <source>City against targets</source>
        <translation>全市指标与目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="130"/>
        <source>Districts compared</source>
        <translation>区县对比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="133"/>
        <source>Attainment by district</source>
        <translation>各区县达标情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="134"/>
        <source>City trend</source>
        <translation>全市趋势</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="135"/>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="229"/>
        <source>Narrative report</source>
        <translation>文字报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="159"/>
        <source>No city target is set for this half, so there is nothing to hold the figures against. The city&apos;s figures are in the charts and in the city workbook (Save the city workbook…).</source>
        <translation>本半年度未设定全市目标，无从对照。全市数据见右侧图表和全市汇总表（保存全市汇总表…）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="161"/>
        <source>The districts counted hold none of the city&apos;s indicators.</source>
        <translation>计入的区县没有全市指标的数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="163"/>
        <source>No district has been accepted yet, so the city has no figures. For provisional totals, count received districts too (“City figures count” above).</source>
        <translation>尚无审核通过的区县，全市暂无数字。如需初步合计，请在上方“全市数据计入”中选择计入已报送的区县。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="165"/>
        <source>No district has sent its submission yet, so the city has no figures.</source>
        <translation>尚无区县报送，全市暂无数字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="188"/>
        <source>Save as image…</source>
        <translation>保存为图片…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="206"/>
        <source>Attainment of the districts&apos; targets · %1</source>
        <translation>各区县目标达成情况 · %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="208"/>
        <source>Green: target met. Red, marked ✗: target missed. Grey: no value, or not applicable. Each cell gives the district&apos;s figure in the indicator&apos;s unit.</source>
        <translation>绿色：达到目标；红色并标 ✗：未达到目标；灰色：无数据或不适用。各格为该区县的数值，计量单位同指标。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="227"/>
        <source>report_%1.docx</source>
        <translation>全市报告_%1.docx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="228"/>
        <source>Save the report</source>
        <translation>保存文字报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="228"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="229"/>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="295"/>
        <source>%1 (not counted: %2)</source>
        <translation>%1（未计入：%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="338"/>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="344"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="379"/>
        <source>City %1</source>
        <translation>全市 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="401"/>
        <source>Not applicable: %1</source>
        <translation>不适用：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="402"/>
        <source>No value: %1</source>
        <translation>无数据：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="403"/>
        <source>Not counted: %1</source>
        <translation>未计入：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="404"/>
        <source>The city&apos;s provisional total is not drawn: not every district is accepted yet</source>
        <translation>全市初步合计未画出：尚有区县未审核通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="419"/>
        <source>the city, half by half</source>
        <translation>全市历年各半年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="431"/>
        <source>Provisional: not every district accepted</source>
        <translation>初步：未全部审核通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="444"/>
        <source> (provisional)</source>
        <translation>（初步）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="466"/>
        <source>%1 target %2</source>
        <translation>%1目标 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="197"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="189"/>
        <source>PNG at twice the screen&apos;s resolution, or SVG or PDF to scale without limit</source>
        <translation>PNG 为屏幕分辨率的两倍；SVG 或 PDF 可任意缩放</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="213"/>
        <source>Cannot write %1: check the folder exists and may be written to</source>
        <translation>不能写入 %1：请确认文件夹存在且可以写入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="219"/>
        <source>city_%1.xlsx</source>
        <translation>全市汇总_%1.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="220"/>
        <source>Save the city workbook</source>
        <translation>保存全市汇总表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="220"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="221"/>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="259"/>
        <source>Consolidating the districts…</source>
        <translation>正在汇总各区县数据…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="213"/>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="241"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="243"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="221"/>
        <source>City workbook</source>
        <translation>全市汇总表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="296"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/dashboard_page.py" line="371"/>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>DecisionBanner</name>
    <message>
        <location filename="../../desktop/ui/decision_banner.py" line="19"/>
        <source>The bureau returned this half: %1 Correct it, then sign off and send it again.</source>
        <translation>市局已退回本半年度报送。原因：%1&#x3000;请修改后重新签发报送。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_banner.py" line="20"/>
        <source>The bureau returned this half: %1</source>
        <translation>市局已退回本半年度报送。原因：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_banner.py" line="23"/>
        <source>The bureau reopened its review of this half: %1</source>
        <translation>市局已重新打开本半年度报送的审核。原因：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_banner.py" line="24"/>
        <source>The bureau accepted this half. %1</source>
        <translation>市局已审核通过本半年度报送。意见：%1</translation>
    </message>
</context>
<context>
    <name>DistrictAccountsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="59"/>
        <source>District accounts</source>
        <translation>区县账户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="61"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="62"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="62"/>
        <source>Name on forms</source>
        <translation>签名姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="63"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="74"/>
        <source>Prepare…</source>
        <translation>准备账户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="74"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="75"/>
        <source>Export the district&apos;s set-up package…</source>
        <translation>导出该区县的设置包…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="102"/>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="117"/>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="128"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="105"/>
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="106"/>
        <source>The one-time password of %1 is:

%2

Write it down and give it to the person: it is not shown again. They change it at their first login.</source>
        <translation>%1 的一次性密码是：

%2

请记下并交给本人：此密码不会再次显示。本人首次登录时须修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="128"/>
        <source>Choose an account of the district first.</source>
        <translation>请先选中该区县的一个账户。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="132"/>
        <source>Export set-up package</source>
        <translation>导出设置包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="133"/>
        <source>Set-up packages (*.ecopkg)</source>
        <translation>设置包 (*.ecopkg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="138"/>
        <source>Set-up package</source>
        <translation>设置包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="139"/>
        <source>Saved %1 for %2, with its accounts.

The bureau&apos;s key fingerprint: %3</source>
        <translation>已为%2保存 %1，带有该区县的账户。

市局公钥指纹：%3</translation>
    </message>
</context>
<context>
    <name>EntryController</name>
    <message>
        <location filename="../../desktop/ui/controller.py" line="152"/>
        <source>An explanation may not exceed %1 characters</source>
        <translation>说明不能超过%1字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="172"/>
        <source>Type the value in the column “This half”, or an explanation in “Explanation”</source>
        <translation>请在“本期”列填写数值，或在“说明”列填写说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="181"/>
        <source>Edit %1</source>
        <translation>修改“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="189"/>
        <source>Explain %1</source>
        <translation>说明“%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controller.py" line="226"/>
        <source>Paste %n cell(s)</source>
        <translation>
            <numerusform>粘贴 %n 个单元格</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="247"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="289"/>
        <source>%1 was not done: %2 is now %3 (changed by %4 at %5), not the %6 this step expects; nothing was changed</source>
        <translation>%1未执行：“%2”现为%3（%4于%5修改），不是这一步所依据的%6；未作任何修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="302"/>
        <source>Explained figures changed: %1. Check that each explanation still fits.</source>
        <translation>已说明的数值有变化：%1。请确认各条说明仍然适用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="303"/>
        <source>, </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>EntryFiles</name>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="26"/>
        <source>Import filled template</source>
        <translation>导入填报模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="26"/>
        <location filename="../../desktop/ui/entry_files.py" line="69"/>
        <location filename="../../desktop/ui/entry_files.py" line="95"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="32"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="39"/>
        <source>The file was refused</source>
        <translation>文件未被接受</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="41"/>
        <source>The file holds the same values as the database; nothing changed.</source>
        <translation>文件内容与数据库一致，未作修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="43"/>
        <source>Imported %1: %2 change(s)</source>
        <translation>已导入 %1：%2 项变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="50"/>
        <source>Imported, with notes</source>
        <translation>已导入（附说明）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="51"/>
        <source>The file was imported. Please look at the following:</source>
        <translation>文件已导入，请查看以下各项：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="58"/>
        <source>%1 made %2 change(s), listed below. Undo (Ctrl+Z) takes the whole import back in one step; double-click a row to go to the indicator.</source>
        <translation>导入 %1 共有 %2 项变化，见下表。撤销（Ctrl+Z）可一步撤回整个导入；双击一行可转到该指标。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="68"/>
        <source>%1_template.xlsx</source>
        <translation>%1_填报模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="69"/>
        <source>Export template</source>
        <translation>导出填报模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="81"/>
        <source>Writing the template…</source>
        <translation>正在写出填报模板…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="82"/>
        <location filename="../../desktop/ui/entry_files.py" line="103"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="91"/>
        <source>%1_submission_v%2.xlsx</source>
        <translation>%1_报送文件_第%2版.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="93"/>
        <source>%1_submission.xlsx</source>
        <translation>%1_报送文件.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="94"/>
        <source>Save the submission workbook</source>
        <translation>保存报送文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/entry_files.py" line="101"/>
        <source>Writing the submission workbook…</source>
        <translation>正在写出报送文件…</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../desktop/ui/file_dialogs.py" line="64"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="55"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="55"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="55"/>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="57"/>
        <location filename="../../desktop/ui/review/findings_page.py" line="147"/>
        <source>(not explained)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="59"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="59"/>
        <source>Submission</source>
        <translation>报送状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="60"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="61"/>
        <location filename="../../desktop/ui/review/findings_page.py" line="86"/>
        <location filename="../../desktop/ui/review/findings_page.py" line="96"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="61"/>
        <location filename="../../desktop/ui/review/findings_page.py" line="88"/>
        <location filename="../../desktop/ui/review/findings_page.py" line="98"/>
        <source>Rule</source>
        <translation>审核规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="62"/>
        <source>Finding</source>
        <translation>审核发现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="63"/>
        <source>District&apos;s explanation</source>
        <translation>区县说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="81"/>
        <source>Findings of every received submission</source>
        <translation>全部已收到报送的审核发现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="83"/>
        <source>Every severity</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="90"/>
        <source>Unexplained warnings only</source>
        <translation>只看未说明的警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="103"/>
        <source>The chosen finding and the district&apos;s explanation</source>
        <translation>所选审核发现及区县说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="125"/>
        <source>Every rule</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="130"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="138"/>
        <source>%1 findings in %2 districts</source>
        <translation>%1 条，涉及 %2 个区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="144"/>
        <source>Choose a finding to read it and the district&apos;s explanation in full here; Enter opens the district at that value.</source>
        <translation>选择一条审核发现，在此阅读其全文及区县说明；按回车键打开该区县并定位到该数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="150"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="151"/>
        <source>Finding: %1</source>
        <translation>审核发现：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/findings_page.py" line="152"/>
        <source>District&apos;s explanation: %1</source>
        <translation>区县说明：%1</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="19"/>
        <source>EcoReport — First start</source>
        <translation>EcoReport — 首次启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="20"/>
        <source>Create the administrator account and choose the unit this computer reports for. Next, a district imports the set-up package the bureau sent it; the bureau adds its reviewers, prepares the districts&apos; accounts and sets the first half.</source>
        <translation>请创建管理员账户，并选择本机所属的单位。之后，区县导入市局发来的设置包；市局添加审核员、为各区县准备账户并设定第一个半年度。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="23"/>
        <source>The unit is kept in the database and cannot be changed: a district&apos;s computer enters and submits that district&apos;s data only; the bureau&apos;s reviews.</source>
        <translation>所属单位记在数据库中，设定后不能更改：区县的填报机只填报、报送本区县的数据，审核在市局的电脑上进行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="32"/>
        <source>— choose the unit —</source>
        <translation>— 请选择单位 —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="39"/>
        <source>admin (sign in with this user name)</source>
        <translation>admin（以后用此用户名登录）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="40"/>
        <source>Administrator account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="41"/>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="44"/>
        <source>Administrator password</source>
        <translation>管理员密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="42"/>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="45"/>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="43"/>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="46"/>
        <source>This computer serves</source>
        <translation>本机所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="59"/>
        <source>The password needs at least 8 characters.</source>
        <translation>密码至少需要8个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="61"/>
        <source>The password may not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="65"/>
        <source>Choose the unit this computer reports for.</source>
        <translation>请选择本机填报的单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="63"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="17"/>
        <source>This computer is the bureau&apos;s. Set it up in this order; every step can be done later from the Administration menu.</source>
        <translation>本机是市局的。请按以下顺序设置；每一步以后都可以在“管理”菜单中完成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="19"/>
        <source>Add the bureau&apos;s reviewers</source>
        <translation>添加市局审核员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="19"/>
        <source>Users…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="20"/>
        <source>Prepare each district&apos;s clerk and approver</source>
        <translation>为各区县准备填报人和审核人账户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="20"/>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="22"/>
        <source>District accounts…</source>
        <translation>区县账户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="21"/>
        <source>Set the first half&apos;s targets and deadline</source>
        <translation>设定第一个半年度的目标和截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="21"/>
        <source>Targets and deadlines…</source>
        <translation>目标与截止日期…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="22"/>
        <source>Export each district&apos;s set-up package and send it</source>
        <translation>导出各区县的设置包并发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="25"/>
        <source>This computer reports for %1. Import the set-up package the bureau sent you: it brings the catalog, the targets and deadlines, and your district&apos;s accounts (each logs in with the one-time password the bureau gave them).</source>
        <translation>本机为%1填报。请导入市局发来的设置包：其中有指标目录、目标和截止日期，以及本区县的账户（各人用市局给的一次性密码登录）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="28"/>
        <source>Import the bureau&apos;s set-up package</source>
        <translation>导入市局发来的设置包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="28"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="29"/>
        <source>Each person logs in once with the one-time password and sets their own</source>
        <translation>每人用一次性密码登录一次，设置自己的密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="30"/>
        <source>The approver saves the unit&apos;s public key; send it to the bureau and read them its fingerprint</source>
        <translation>审核人导出本单位公钥，发给市局并电话告知指纹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="31"/>
        <source>Save the public key…</source>
        <translation>导出公钥…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="32"/>
        <source>Getting started</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/getting_started.py" line="50"/>
        <source>Done for now</source>
        <translation>暂时完成</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../desktop/ui/grid_view.py" line="126"/>
        <source>This cell cannot be entered</source>
        <translation>此单元格不能填写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/grid_view.py" line="225"/>
        <source>Why the value was not stored</source>
        <translation>未保存的原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/grid_view.py" line="244"/>
        <source>below the last row</source>
        <translation>超出最后一行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/grid_view.py" line="250"/>
        <source>no input column there</source>
        <translation>该列不能填写</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <location filename="../../desktop/ui/history_chart.py" line="18"/>
        <source>Select an indicator to see its history.</source>
        <translation>选择一个指标以查看历史趋势。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_chart.py" line="35"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>ImportChangesPanel</name>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="33"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="35"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="36"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="37"/>
        <source>Was</source>
        <translation>原为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="38"/>
        <source>Now</source>
        <translation>改为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="39"/>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="54"/>
        <source>What the import changed</source>
        <translation>导入的变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="57"/>
        <source>Please also look at the following:</source>
        <translation>另请注意以下各项：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_changes_panel.py" line="88"/>
        <source>Undone: the import below was taken back; the database holds what it held before it. Redo (Ctrl+Y) brings it back.</source>
        <translation>已撤销：下列导入已撤回，数据库中是导入前的内容。按 Ctrl+Y 可恢复。</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="45"/>
        <source>Unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="46"/>
        <location filename="../../desktop/ui/review/inbox_page.py" line="84"/>
        <location filename="../../desktop/ui/review/inbox_page.py" line="115"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="47"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="48"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="50"/>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="51"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="52"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="53"/>
        <source>Unexplained warnings</source>
        <translation>未说明警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="54"/>
        <source>Open queries</source>
        <translation>未解决问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="74"/>
        <source>Districts of the half</source>
        <translation>本半年度各区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="76"/>
        <source>Find a district: name, pinyin initials (wz) or code</source>
        <translation>查找区县：名称、拼音首字母（如 wz）或代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="78"/>
        <source>Find a district</source>
        <translation>查找区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="81"/>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="86"/>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="86"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="86"/>
        <source>With errors</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="87"/>
        <source>With unexplained warnings</source>
        <translation>有未说明警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="87"/>
        <source>With open queries</source>
        <translation>有未解决问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="89"/>
        <location filename="../../desktop/ui/review/inbox_page.py" line="117"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="97"/>
        <source>Reminder notice…</source>
        <translation>催报通知…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="98"/>
        <source>A workbook listing the districts that have not reported (or not again after a return), with days overdue, to send round</source>
        <translation>生成催报通知工作簿：列出尚未报送（或退回后尚未重新报送）的区县及逾期天数，可直接下发</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="101"/>
        <source>Import workbooks…</source>
        <translation>导入报送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="103"/>
        <source>Accept the selected…</source>
        <translation>通过所选…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="104"/>
        <source>Accepts those of the selected districts with no errors, no unexplained warnings and no open queries; the confirmation lists them</source>
        <translation>对所选区县中无错误、无未说明警告、无未解决问题的报送审核通过；确认前会列出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="111"/>
        <source>Drop submission workbooks here, or</source>
        <translation>将报送文件拖放到此处，或</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="129"/>
        <location filename="../../desktop/ui/review/inbox_page.py" line="236"/>
        <source>Import results</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="149"/>
        <source>Completeness: %1 received (no deadline set: timeliness not judged), %3 not received, %4 returned</source>
        <translation>报送完成情况：已报送 %1 个（未设截止日期，不评价是否按时），未报送 %3 个，已退回 %4 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="151"/>
        <source>Completeness and timeliness: %1 on time, %2 late, %3 not received, %4 returned</source>
        <translation>报送完成情况：按时 %1 个，逾期 %2 个，未报送 %3 个，已退回 %4 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="161"/>
        <source>%1_reminder.xlsx</source>
        <translation>%1_催报通知.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="162"/>
        <source>Save the reminder notice</source>
        <translation>保存催报通知</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="170"/>
        <source>Writing the reminder notice…</source>
        <translation>正在写出催报通知…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="177"/>
        <source>%1 shown</source>
        <translation>显示 %1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="196"/>
        <location filename="../../desktop/ui/review/inbox_page.py" line="201"/>
        <source>Accept</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="196"/>
        <source>Select the districts to accept in the list first.</source>
        <translation>请先在列表中选择要审核通过的区县。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="201"/>
        <source>None of the selected districts can be accepted:</source>
        <translation>所选区县都不能审核通过：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="204"/>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="244"/>
        <source>%1 file(s): %2 imported, %3 unchanged, %4 refused</source>
        <translation>共 %1 个文件：已导入 %2 个，无变化 %3 个，被拒绝 %4 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="199"/>
        <location filename="../../desktop/ui/review/inbox_page.py" line="214"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="145"/>
        <source>%1 of %2 received: %3</source>
        <translation>已收到 %1/%2：%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="210"/>
        <source>Acceptance results</source>
        <translation>审核通过结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="215"/>
        <source>%1: accepted</source>
        <translation>%1：已审核通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="224"/>
        <source>Import workbooks</source>
        <translation>导入报送文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="163"/>
        <location filename="../../desktop/ui/review/inbox_page.py" line="224"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="233"/>
        <source>Importing workbooks…</source>
        <translation>正在导入报送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="234"/>
        <source>Stop (import nothing)</source>
        <translation>停止（不导入任何文件）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/inbox_page.py" line="239"/>
        <source>Stopped: no file was imported; the database is unchanged</source>
        <translation>已停止：未导入任何文件，数据库未改变</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="38"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="38"/>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="38"/>
        <source>This half</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="38"/>
        <source>Last half</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="39"/>
        <source>Change y/y</source>
        <translation>同比增减</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="39"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="39"/>
        <source>Last year</source>
        <translation>上年同期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="40"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="84"/>
        <source> (calculated)</source>
        <translation>（计算）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="86"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="92"/>
        <source>Calculated: %1</source>
        <translation>由公式计算：%1</translation>
    </message>
</context>
<context>
    <name>InputCheckDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="17"/>
        <source>Input method check</source>
        <translation>输入法检查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="19"/>
        <source>Type a few Chinese characters here with your input method</source>
        <translation>请在此用输入法输入几个汉字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="23"/>
        <source>Try it</source>
        <translation>试输入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="24"/>
        <source>The desktop asks for</source>
        <translation>桌面设置的输入法</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="24"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="25"/>
        <source>EcoReport uses</source>
        <translation>本程序使用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="26"/>
        <source>Running input methods</source>
        <translation>正在运行的输入法</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="41"/>
        <source>fcitx 4, spoken to directly over D-Bus</source>
        <translation>fcitx 4（本程序经 D-Bus 直接连接）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="43"/>
        <source>Qt&apos;s IBus plugin, through fcitx5&apos;s IBus interface</source>
        <translation>Qt 的 IBus 插件，经 fcitx5 的 IBus 接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="46"/>
        <source>Qt&apos;s built-in compose input (no input method)</source>
        <translation>Qt 自带的组合键输入（未使用输入法）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="49"/>
        <source>fcitx 4</source>
        <translation>fcitx 4（小企鹅输入法旧版）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="51"/>
        <source>none found on the session bus</source>
        <translation>会话总线上未发现输入法</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="55"/>
        <source>fcitx 4 is running, but EcoReport could not connect to it. Restart fcitx (or log out and in again) and EcoReport; if that does not help, ask your administrator to install fcitx5 (with its Chinese add-ons) or IBus with a pinyin engine.</source>
        <translation>fcitx 4 正在运行，但本程序未能连接到它。请重启 fcitx（或注销后重新登录）并重新打开本程序；如仍不行，请联系管理员安装 fcitx5（含中文组件）或带拼音引擎的 IBus。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="58"/>
        <source>If no Chinese arrives, switch the input method on (usually Ctrl+Space) and try again.</source>
        <translation>如果输入不了汉字，请先打开输入法（通常按 Ctrl+空格）再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/input_check.py" line="62"/>
        <source>Chinese input works.</source>
        <translation>中文输入正常。</translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="17"/>
        <source>Save this unit&apos;s public key…</source>
        <translation>导出本单位公钥…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="27"/>
        <source>Save the public key</source>
        <translation>保存公钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="28"/>
        <location filename="../../desktop/ui/key_actions.py" line="97"/>
        <source>Public keys (*.pub)</source>
        <translation>公钥文件 (*.pub)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="37"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="39"/>
        <source>Public key saved</source>
        <translation>公钥已保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="40"/>
        <source>Send the file to the bureau and read them its fingerprint: %1</source>
        <translation>请将文件交给市局，并向市局口头核对指纹：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="52"/>
        <source>Make the unit&apos;s signing key</source>
        <translation>生成本单位签名密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="54"/>
        <source>Approver</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="58"/>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="67"/>
        <source>Keys and fingerprints…</source>
        <translation>密钥与指纹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="85"/>
        <source>Register a district&apos;s public key…</source>
        <translation>登记区县公钥…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="96"/>
        <location filename="../../desktop/ui/key_actions.py" line="105"/>
        <source>Register a public key</source>
        <translation>登记公钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="104"/>
        <source>Register this key for %1?

Fingerprint: %2

Compare it with the one the district reads to you.</source>
        <translation>为%1登记此公钥？

指纹：%2

请与区县口头告知的指纹核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_actions.py" line="111"/>
        <source>Not registered</source>
        <translation>未登记</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="27"/>
        <source>Keys and fingerprints</source>
        <translation>密钥与指纹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="29"/>
        <location filename="../../desktop/ui/dialogs/keys.py" line="32"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="29"/>
        <location filename="../../desktop/ui/dialogs/keys.py" line="32"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="30"/>
        <source>Created</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="33"/>
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="33"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="41"/>
        <source>Read a fingerprint out on the phone and compare it with the other side&apos;s list: the same characters mean the same key.</source>
        <translation>电话中念出指纹，与对方列表中的指纹逐字核对：完全相同即为同一把密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="44"/>
        <source>No signing key yet: a district&apos;s is made at its first sign-off, the bureau&apos;s at its first set-up package.</source>
        <translation>本机还没有签名密钥：区县在第一次签发报送时生成，市局在第一次导出设置包时生成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="51"/>
        <source>This installation&apos;s keys</source>
        <translation>本机的签名密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/keys.py" line="54"/>
        <source>Registered keys of others</source>
        <translation>已登记的对方公钥</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="12"/>
        <source>EcoReport — Log in</source>
        <translation>生态环境半年报填报审核系统 — 登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="13"/>
        <source>Half-year ecological environment reporting</source>
        <translation>生态环境半年报填报审核系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="28"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="29"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="31"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="53"/>
        <source>EcoReport — Half-year ecological environment reporting</source>
        <translation>生态环境半年报填报审核系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="69"/>
        <source>All topics</source>
        <translation>全部专题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="75"/>
        <source>Checks</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="76"/>
        <source>History</source>
        <translation>历史趋势</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="77"/>
        <location filename="../../desktop/ui/main_window.py" line="340"/>
        <source>Queries</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131"/>
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="141"/>
        <source>Filter indicators…</source>
        <translation>筛选指标…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136"/>
        <location filename="../../desktop/ui/main_window.py" line="146"/>
        <source>Unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="60"/>
        <source>Indicators of the half-year</source>
        <translation>半年度指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="72"/>
        <source>Topic</source>
        <translation>专题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="79"/>
        <source>Import</source>
        <translation>导入变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="80"/>
        <source>Checks, history and queries</source>
        <translation>审核、历史与问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="144"/>
        <source>Filter indicators</source>
        <translation>筛选指标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="145"/>
        <location filename="../../desktop/ui/main_window.py" line="149"/>
        <source>Half-year</source>
        <translation>半年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="182"/>
        <source>Changed elsewhere since this window last read it (another window or the command line): shown as the database now holds it</source>
        <translation>本窗口上次读取后，数据已在别处（另一窗口或命令行）更改：现按数据库中的最新数据显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="193"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="195"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="198"/>
        <source>Import filled template…</source>
        <translation>导入填报模板…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="199"/>
        <source>Import the bureau&apos;s review…</source>
        <translation>导入市局审核意见…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="200"/>
        <source>Export template…</source>
        <translation>导出填报模板…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="201"/>
        <source>Export submission workbook…</source>
        <translation>导出报送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="203"/>
        <source>Submit…</source>
        <translation>报送…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="204"/>
        <source>Withdraw the submission…</source>
        <translation>撤回报送…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="205"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="206"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="207"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="217"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="220"/>
        <source>&amp;Report</source>
        <translation>报送(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="223"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="224"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="226"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="235"/>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="236"/>
        <source>Users…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="237"/>
        <source>Targets, deadlines and set-up packages…</source>
        <translation>目标、截止日期与设置包…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="238"/>
        <source>District accounts…</source>
        <translation>区县账户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="240"/>
        <source>This computer serves…</source>
        <translation>本机所属单位…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="248"/>
        <source>This computer&apos;s unit is not set: Administration → This computer serves…</source>
        <translation>本机尚未设定所属单位：管理 → 本机所属单位…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="278"/>
        <source>Clear values</source>
        <translation>清除数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="312"/>
        <source>The bureau&apos;s query awaits an answer</source>
        <translation>市局问题待答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="319"/>
        <source> (version %1 withdrawn)</source>
        <translation>（第%1版已撤回）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="324"/>
        <source>due %1</source>
        <translation>截止日期 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="327"/>
        <source>, %1 day(s) overdue</source>
        <translation>，已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="329"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="329"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="376"/>
        <source>Answer saved. It reaches the bureau with the submission file: export it again (File → Export submission workbook…) and send it.</source>
        <translation>答复已保存。答复随报送文件送达市局：请再次导出报送文件（文件 → 导出报送文件…）并发送。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="379"/>
        <source>Answer saved. It reaches the bureau with the next signed-off submission.</source>
        <translation>答复已保存，将随下一次签发的报送文件送达市局。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="386"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="420"/>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="445"/>
        <location filename="../../desktop/ui/main_window.py" line="451"/>
        <source>This computer serves</source>
        <translation>本机所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="446"/>
        <source>Set this computer&apos;s unit to %1? It cannot be changed afterwards.</source>
        <translation>将本机所属单位设为 %1？设定后不能更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="456"/>
        <source>This computer serves %1.</source>
        <translation>本机所属单位已设为 %1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="465"/>
        <source>%n pasted cell(s) stored.</source>
        <translation>
            <numerusform>已保存粘贴的 %n 个单元格。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="467"/>
        <source>%n of them as explanations (说明).</source>
        <translation>
            <numerusform>其中 %n 个填入了“说明”列。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="472"/>
        <source>%n cell(s) not stored:</source>
        <translation>
            <numerusform>以下 %n 个单元格未保存：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="473"/>
        <source>Paste: %1 stored, %2 refused</source>
        <translation>粘贴：已保存 %1 个，未保存 %2 个</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <location filename="../../desktop/ui/manual.py" line="17"/>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/manual.py" line="22"/>
        <source>The user manual is not installed.</source>
        <translation>未安装用户手册。</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="32"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="40"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="46"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="47"/>
        <source>Name on forms</source>
        <translation>签名姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="48"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="49"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="50"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>PrepareAccountDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="34"/>
        <source>Prepare a district account</source>
        <translation>准备区县账户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="43"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="44"/>
        <source>Name on forms</source>
        <translation>签名姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="45"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/district_accounts.py" line="46"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/problems.py" line="13"/>
        <source>Nothing was stored. Please correct the following and try again:</source>
        <translation>未保存任何数据。请更正以下问题后重试：</translation>
    </message>
</context>
<context>
    <name>QueriesPage</name>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="41"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="41"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="42"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="42"/>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="43"/>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="43"/>
        <source>Days open</source>
        <translation>已开放天数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="44"/>
        <source>Last message</source>
        <translation>最后发言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="58"/>
        <source>Unresolved queries of every district</source>
        <translation>各区县未解决的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="60"/>
        <source>Closed queries too</source>
        <translation>含已关闭的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="62"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="78"/>
        <source>%1 unresolved: %2 waiting for the district, %3 answered and waiting for you</source>
        <translation>%1 个未解决：%2 个待区县答复，%3 个已答复待处理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="81"/>
        <source>; %1 closed</source>
        <translation>；%1 个已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="89"/>
        <source>%1_unresolved_queries.xlsx</source>
        <translation>%1_未解决问题清单.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="89"/>
        <source>%1_queries.xlsx</source>
        <translation>%1_问题清单.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="90"/>
        <source>Export the query list</source>
        <translation>导出问题清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="91"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/queries_page.py" line="95"/>
        <source>Writing the query list…</source>
        <translation>正在写出问题清单…</translation>
    </message>
</context>
<context>
    <name>QueriesPanel</name>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="38"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="40"/>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="58"/>
        <source>Write an answer…</source>
        <translation>填写答复…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="60"/>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="35"/>
        <source>awaiting an answer</source>
        <translation>待答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="35"/>
        <source>answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="35"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="36"/>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="54"/>
        <source>No queries yet. Choose a value and raise one.</source>
        <translation>尚无问题。选中数值即可提出问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="55"/>
        <source>The bureau has raised no query on this half.</source>
        <translation>市局未对本半年度提出问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="61"/>
        <source>Close</source>
        <translation>关闭问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="62"/>
        <source>Close the query: the answer settles it</source>
        <translation>关闭问题：答复已说明清楚</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="64"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="65"/>
        <source>Open a closed query again, saying why; the district answers it again</source>
        <translation>重新打开已关闭的问题并写明原因，区县需再次答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="72"/>
        <source>Queries</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="73"/>
        <source>Messages of the query</source>
        <translation>问题往来</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="74"/>
        <source>Your answer</source>
        <translation>您的答复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="128"/>
        <source>bureau</source>
        <translation>市局</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="128"/>
        <source>district</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="129"/>
        <source>closed the query</source>
        <translation>关闭了问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="129"/>
        <source>reopened the query</source>
        <translation>重新打开了问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="131"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="167"/>
        <source>Reopen the query on %1</source>
        <translation>重新打开关于“%1”的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="172"/>
        <source>Reopen the query</source>
        <translation>重新打开问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="172"/>
        <source>Not reopened: a reason is required.</source>
        <translation>未重新打开：必须写明原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/queries_panel.py" line="168"/>
        <source>Why (required; the district sees it):</source>
        <translation>原因（必填，区县可见）：</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="61"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="61"/>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="62"/>
        <source>This half</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="62"/>
        <source>Previous version</source>
        <translation>上一版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="63"/>
        <source>Previous half</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="63"/>
        <source>Same half last year</source>
        <translation>上年同期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="64"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="64"/>
        <source>Checks</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="65"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="66"/>
        <source>Across districts</source>
        <translation>区县间比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="66"/>
        <source>Queries</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="74"/>
        <source>Double-click a district in the inbox to review its submission here.</source>
        <translation>在收件箱中双击一个区县，即在此审核其报送。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="85"/>
        <source>The chosen value&apos;s checks and explanation</source>
        <translation>所选数值的审核结果和说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="93"/>
        <source>Changed since the previous version only</source>
        <translation>只看与上一版本不同的</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="98"/>
        <source>Raise a query on this value…</source>
        <translation>对此数值提出问题…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="99"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="100"/>
        <location filename="../../desktop/ui/review/review_page.py" line="274"/>
        <location filename="../../desktop/ui/review/review_page.py" line="278"/>
        <source>Accept</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="101"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="102"/>
        <source>Reopen an accepted submission for review; a reason is required</source>
        <translation>重新打开已审核通过的报送以再次审核；须说明原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="103"/>
        <source>Export review workbook…</source>
        <translation>导出审核意见…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="134"/>
        <source>Not done</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="150"/>
        <location filename="../../desktop/ui/review/review_page.py" line="151"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="151"/>
        <location filename="../../desktop/ui/review/review_page.py" line="156"/>
        <source>Changed since the previous version, which had %1</source>
        <translation>与上一版不同，上一版为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="158"/>
        <source>A change on the same half last year (%1) beyond the usual range</source>
        <translation>同比变化超出常规范围，去年同期为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="160"/>
        <source>Misses its target: %1</source>
        <translation>未达到目标：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="183"/>
        <source> · the values below were not submitted (a draft on this computer)</source>
        <translation> · 以下数值未报送（本机上的草稿，未经签发）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="185"/>
        <source> · version %1</source>
        <translation> · 第 %1 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="187"/>
        <source> · prepared by %1, signed off by %2</source>
        <translation> · 填表人 %1，审核人 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="188"/>
        <source>, head of unit %1</source>
        <translation>，单位负责人 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="188"/>
        <source>, head of statistics %1</source>
        <translation>，统计负责人 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="189"/>
        <source>, telephone %1</source>
        <translation>，联系电话 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="189"/>
        <source>, sent %1</source>
        <translation>，报出日期 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="193"/>
        <source> · reason: %1</source>
        <translation> · 原因：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="195"/>
        <source> · comment: %1</source>
        <translation> · 意见：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="222"/>
        <source>Choose a row to read its checks and its explanation in full here.</source>
        <translation>选中一行，在此阅读其审核结果和说明全文。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="224"/>
        <source>Checks: %1</source>
        <translation>审核结果：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="225"/>
        <source>Explanation: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="244"/>
        <source>Open a district from the inbox first.</source>
        <translation>请先在收件箱中打开一个区县。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="246"/>
        <source>Not possible while the submission is “%1”.</source>
        <translation>报送状态为“%1”，不能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="251"/>
        <location filename="../../desktop/ui/review/review_page.py" line="255"/>
        <location filename="../../desktop/ui/review/review_page.py" line="257"/>
        <source>Raise a query</source>
        <translation>提出问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="255"/>
        <source>Select the value the query is about first.</source>
        <translation>请先选中要提出问题的数值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="262"/>
        <location filename="../../desktop/ui/review/review_page.py" line="264"/>
        <location filename="../../desktop/ui/review/review_page.py" line="266"/>
        <source>Return to the district</source>
        <translation>退回区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="293"/>
        <source>Accepted. Export the review workbook (导出审核意见…) and send it to the district: it learns of the acceptance and your comment from it.</source>
        <translation>已通过。请导出审核意见（导出审核意见…）发给区县：区县据此得知已通过及您的意见。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="305"/>
        <source>Reason (required):</source>
        <translation>退回原因（必填）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="312"/>
        <source>A reason is required; nothing was changed. Reason:</source>
        <translation>必须填写原因；尚未作任何更改。原因：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="317"/>
        <source>%1_review_v%2_%3.xlsx</source>
        <translation>%1_审核意见_第%2版_%3.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="267"/>
        <source>Returned. Export the review workbook (导出审核意见…) and send it to the district: it carries the reason and the queries.</source>
        <translation>已退回。请导出审核意见（导出审核意见…）发给区县：文件中有退回原因和问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="94"/>
        <source>Show only the values (and the figures calculated from them) and the explanations that differ from the previous version of this submission</source>
        <translation>只显示与本报送上一版本不同的数值（及由其计算的数字）和说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="278"/>
        <source>%1 queries are still open: resolve them before accepting.</source>
        <translation>还有%1个问题尚未解决，解决后才能审核通过。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="282"/>
        <source>%1, %2, version %3</source>
        <translation>%1，%2，第 %3 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="287"/>
        <source>%1 error(s)</source>
        <translation>有%1个错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="289"/>
        <source>%1 unexplained warning(s)</source>
        <translation>有%1个未说明的警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="297"/>
        <location filename="../../desktop/ui/review/review_page.py" line="299"/>
        <source>Reopen the submission</source>
        <translation>重新打开报送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="319"/>
        <source>Export review workbook</source>
        <translation>导出审核意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="319"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/review_page.py" line="323"/>
        <source>Writing the review workbook…</source>
        <translation>正在写出审核意见文件…</translation>
    </message>
</context>
<context>
    <name>ReviewerWindow</name>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="28"/>
        <source>EcoReport — Bureau review</source>
        <translation>生态环境半年报填报审核系统 — 市局审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="36"/>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="37"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="38"/>
        <source>Queries</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="39"/>
        <source>Findings</source>
        <translation>审核发现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="40"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="41"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="43"/>
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="48"/>
        <source>Half-year</source>
        <translation>半年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="53"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="57"/>
        <source>Import workbooks…</source>
        <translation>导入报送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="62"/>
        <source>Save the city workbook…</source>
        <translation>保存全市汇总表…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="65"/>
        <source>Save the report as Word…</source>
        <translation>保存文字报告（Word）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="72"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="75"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="80"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="81"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="85"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="111"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="114"/>
        <source>Next district</source>
        <translation>下一个区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="115"/>
        <source>Previous district</source>
        <translation>上一个区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="117"/>
        <source>Raise a query on this value…</source>
        <translation>对此数值提出问题…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="118"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="119"/>
        <source>Accept…</source>
        <translation>审核通过…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="144"/>
        <source>This is the last district in the list</source>
        <translation>已是列表中的最后一个区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="145"/>
        <source>This is the first district in the list</source>
        <translation>已是列表中的第一个区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="164"/>
        <source>Import for another half</source>
        <translation>导入其他半年度的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="164"/>
        <source>These %1 file(s) are for %2, not %3. Switch to %2 and import them there?</source>
        <translation>这 %1 个文件的报告期为%2，而不是当前的%3。切换到%2并导入这些文件？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review/window.py" line="210"/>
        <source>Changed elsewhere since this window last read it (another window or the command line): shown as the database now holds it</source>
        <translation>本窗口上次读取后，数据已在别处（另一窗口或命令行）更改：现按数据库中的最新数据显示</translation>
    </message>
</context>
<context>
    <name>ServedUnitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/served_unit.py" line="11"/>
        <source> (the bureau)</source>
        <translation>（市局）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/served_unit.py" line="19"/>
        <location filename="../../desktop/ui/dialogs/served_unit.py" line="45"/>
        <location filename="../../desktop/ui/dialogs/served_unit.py" line="46"/>
        <source>This computer serves</source>
        <translation>本机所属单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/served_unit.py" line="23"/>
        <source>This computer serves %1. A district&apos;s computer enters and submits that district&apos;s half only; the bureau&apos;s reviews. It cannot be changed: another unit needs a database of its own.</source>
        <translation>本机所属单位：%1。区县的填报机只填报、报送本区县的数据，审核在市局的电脑上进行。设定后不能更改；为其他单位填报请另建数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/served_unit.py" line="28"/>
        <source>This database has not been told which unit this computer serves, so its administrator can change any unit&apos;s half. Choose it: a district&apos;s computer then enters and submits that district&apos;s half only, the bureau&apos;s reviews. It cannot be changed afterwards.</source>
        <translation>此数据库尚未设定本机所属单位，管理员因此可以修改任何单位的数据。请选择：区县的填报机此后只填报、报送本区县的数据，审核在市局的电脑上进行。设定后不能更改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/served_unit.py" line="31"/>
        <source>— choose the unit —</source>
        <translation>— 请选择单位 —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/served_unit.py" line="54"/>
        <source>Choose the unit this computer reports for.</source>
        <translation>请选择本机所属单位。</translation>
    </message>
</context>
<context>
    <name>SetValuesCommand</name>
    <message>
        <location filename="../../desktop/ui/commands.py" line="28"/>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="142"/>
        <source>Targets and deadlines</source>
        <translation>目标与截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="150"/>
        <source>the city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="150"/>
        <source>every district</source>
        <translation>各区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="150"/>
        <source>city and districts</source>
        <translation>全市和各区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="152"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="153"/>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="154"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="155"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="155"/>
        <source> (example)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="166"/>
        <source>Half-year</source>
        <translation>半年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="168"/>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="170"/>
        <source>Set deadline</source>
        <translation>设定截止日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="175"/>
        <source>Add or change…</source>
        <translation>新增或修改…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="175"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="176"/>
        <source>Copy from an earlier half…</source>
        <translation>从以前的半年度复制…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="189"/>
        <source>This computer serves %1: the bureau sets targets and deadlines; they arrive here in its set-up package.</source>
        <translation>本机是%1的填报机：目标和截止日期由市局设定，随市局的设置包导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="230"/>
        <source>Bureau key fingerprint %1</source>
        <translation>市局公钥指纹 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="283"/>
        <source>No earlier half has targets.</source>
        <translation>以前的半年度都没有目标。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="177"/>
        <source>Export set-up package…</source>
        <translation>导出设置包…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="177"/>
        <source>Import set-up package…</source>
        <translation>导入设置包…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="227"/>
        <source>Set-up %1</source>
        <translation>设置版本 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="239"/>
        <location filename="../../desktop/ui/dialogs/setup.py" line="266"/>
        <location filename="../../desktop/ui/dialogs/setup.py" line="283"/>
        <location filename="../../desktop/ui/dialogs/setup.py" line="291"/>
        <location filename="../../desktop/ui/dialogs/setup.py" line="300"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="307"/>
        <source>Export set-up package</source>
        <translation>导出设置包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="308"/>
        <location filename="../../desktop/ui/dialogs/setup.py" line="322"/>
        <source>Set-up packages (*.ecopkg)</source>
        <translation>设置包 (*.ecopkg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="315"/>
        <source>Saved %1.

The bureau&apos;s key fingerprint: %2
Districts compare it by phone when they first import a package.</source>
        <translation>已保存 %1。

市局公钥指纹：%2
区县第一次导入设置包时请电话核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="322"/>
        <source>Import set-up package</source>
        <translation>导入设置包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="314"/>
        <location filename="../../desktop/ui/dialogs/setup.py" line="340"/>
        <source>Set-up package</source>
        <translation>设置包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="327"/>
        <source>Signed by the key with fingerprint %1: compare it with the bureau by phone before a first import.</source>
        <translation>签名公钥指纹 %1：首次导入前请与市局电话核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="328"/>
        <source>Signed by the key with fingerprint %1.</source>
        <translation>签名公钥指纹 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="330"/>
        <source>Account %1 (%2) is already here and stays as it is</source>
        <translation>已有账户 %1（%2），不改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="331"/>
        <source>New account %1 (%2)</source>
        <translation>新账户 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="338"/>
        <source>Accounts created: %1. Each logs in with the one-time password the bureau gave them and sets their own at first login.</source>
        <translation>已创建账户：%1。各人用市局给的一次性密码登录，首次登录时设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="342"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="349"/>
        <source>Import set-up package %1</source>
        <translation>导入设置包 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="351"/>
        <source>The package changes:</source>
        <translation>该设置包将带来以下变化：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="351"/>
        <source>The package changes nothing here.</source>
        <translation>该设置包对本机没有变化。</translation>
    </message>
</context>
<context>
    <name>SignOffActions</name>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="19"/>
        <source>Withdraw the submission</source>
        <translation>撤回报送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="21"/>
        <source>No approver is registered for this unit; ask the administrator to add one.</source>
        <translation>本单位尚未设置审核人，请联系管理员添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="24"/>
        <source>Approver</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="28"/>
        <source>Approver&apos;s password</source>
        <translation>审核人密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="31"/>
        <source>Reason (required):</source>
        <translation>撤回原因（必填）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="39"/>
        <source>Withdrawn: the half can be corrected and submitted again.</source>
        <translation>已撤回：可修改后重新报送。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="47"/>
        <source>%1, %2: %3 error(s), %4 warning(s) (%5 unexplained), %6 notice(s).</source>
        <translation>%1 %2：%3 个错误，%4 个警告（%5 个未说明），%6 个提示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="56"/>
        <source>You are this unit&apos;s only approver, and no one signs off a submission they make: the clerk logs in and submits, and you enter your password in that dialog to sign it off.</source>
        <translation>您是本单位唯一的审核人，而报送不能由发起人自己签发：请由填报人登录后点击“报送”，再由您在该对话框中输入密码签发。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="68"/>
        <source>Not submitted</source>
        <translation>未能报送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="69"/>
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sign_off_actions.py" line="70"/>
        <source>Version %1 is submitted and now read-only. Save the submission workbook for the bureau.</source>
        <translation>第 %1 版已报送，数据已锁定。请保存报送文件并交市局。</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="38"/>
        <source>Submit the half-year</source>
        <translation>报送本半年度数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="53"/>
        <source>Head of unit</source>
        <translation>单位负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="53"/>
        <source>Head of statistics</source>
        <translation>统计负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="54"/>
        <source>Prepared by</source>
        <translation>填表人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="54"/>
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="63"/>
        <location filename="../../desktop/ui/dialogs/submit.py" line="90"/>
        <source>Date sent</source>
        <translation>报出日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="69"/>
        <source>Submit</source>
        <translation>报送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="73"/>
        <source>Submission is blocked until these are corrected or explained:</source>
        <translation>以下问题更正或说明之前不能报送：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="83"/>
        <source>No approver is registered for this unit; ask the administrator to add one.</source>
        <translation>本单位尚未登记审核人，请联系管理员添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="86"/>
        <source>On the printed form</source>
        <translation>报表签署栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="104"/>
        <source>Please fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="48"/>
        <location filename="../../desktop/ui/dialogs/submit.py" line="93"/>
        <source>Approver</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="51"/>
        <location filename="../../desktop/ui/dialogs/submit.py" line="94"/>
        <source>Approver&apos;s password</source>
        <translation>审核人密码</translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="42"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="49"/>
        <source>the city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="49"/>
        <source>every district</source>
        <translation>各区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="49"/>
        <source>the city and every district</source>
        <translation>全市和各区县</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="57"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="57"/>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="57"/>
        <source>Operator</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="58"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="58"/>
        <source>Basis (Chinese)</source>
        <translation>依据（中文）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/setup.py" line="59"/>
        <source>Basis (English)</source>
        <translation>依据（英文）</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="61"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="62"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="62"/>
        <source>disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="64"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="64"/>
        <source>Name on forms</source>
        <translation>签名姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="65"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="66"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="67"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="76"/>
        <source>Add…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="76"/>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="77"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="99"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="125"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/users.py" line="125"/>
        <source>New password for %1</source>
        <translation>%1 的新密码</translation>
    </message>
</context>
<context>
    <name>ValueDelegate</name>
    <message>
        <location filename="../../desktop/ui/delegates.py" line="39"/>
        <source>Explanation of %1</source>
        <translation>%1的说明</translation>
    </message>
</context>
</TS>

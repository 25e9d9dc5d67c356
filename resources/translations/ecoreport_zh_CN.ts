<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckTreeModel</name>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="19" />
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="19" />
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="19" />
        <source>Notices</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="50" />
        <source>Checks</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/checks.py" line="69" />
        <source> (explained)</source>
        <translation>（已说明）</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../desktop/ui/checks_panel.py" line="26" />
        <location filename="../../desktop/ui/checks_panel.py" line="82" />
        <source>Select a warning to explain it.</source>
        <translation>选择一条警告以填写说明。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/checks_panel.py" line="29" />
        <source>Why does this value miss its target or change so much?</source>
        <translation>请说明该数值未达标或变化较大的原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/checks_panel.py" line="31" />
        <source>Save explanation</source>
        <translation>保存说明</translation>
    </message>
</context>
<context>
    <name>EntryController</name>
    <message>
        <location filename="../../desktop/ui/controller.py" line="69" />
        <source>Edit %1</source>
        <translation>修改“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="77" />
        <source>Explain %1</source>
        <translation>说明“%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controller.py" line="96" />
        <source>Paste %n value(s)</source>
        <translation>
            <numerusform>粘贴 %n 个数值</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controller.py" line="110" />
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="19" />
        <source>EcoReport — First start</source>
        <translation>EcoReport — 首次启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="20" />
        <source>Create the administrator account and choose the unit this computer reports for.</source>
        <translation>请创建管理员账户，并选择本机填报的单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="32" />
        <source>Administrator password</source>
        <translation>管理员密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="33" />
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="34" />
        <source>This computer serves</source>
        <translation>本机填报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="46" />
        <source>The password needs at least 4 characters.</source>
        <translation>密码至少需要4个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run.py" line="48" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <location filename="../../desktop/ui/history_chart.py" line="18" />
        <source>Select an indicator to see its history.</source>
        <translation>选择一个指标以查看历史趋势。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_chart.py" line="29" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="36" />
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="36" />
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="36" />
        <source>This half</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="36" />
        <source>Previous half</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="37" />
        <source>Same half last year</source>
        <translation>上年同期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="37" />
        <source>Change y/y</source>
        <translation>同比增减</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="37" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="37" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/indicators.py" line="38" />
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="11" />
        <source>EcoReport — Log in</source>
        <translation>生态环境半年报填报审核系统 — 登录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="12" />
        <source>Half-year ecological environment reporting</source>
        <translation>生态环境半年报填报审核系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="21" />
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="22" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/login.py" line="24" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="45" />
        <source>EcoReport — Half-year ecological environment reporting</source>
        <translation>生态环境半年报填报审核系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="57" />
        <source>All topics</source>
        <translation>全部专题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="65" />
        <source>Checks</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="66" />
        <source>History</source>
        <translation>历史趋势</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="85" />
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="97" />
        <source>Filter indicators…</source>
        <translation>筛选指标…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="100" />
        <source>Unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="103" />
        <source>Half-year</source>
        <translation>半年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="119" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="121" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="123" />
        <source>Import filled template…</source>
        <translation>导入填报模板…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="124" />
        <source>Export template…</source>
        <translation>导出填报模板…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125" />
        <source>Export submission workbook…</source>
        <translation>导出报送文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="126" />
        <source>Submit…</source>
        <translation>报送…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="127" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="128" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136" />
        <source>&amp;Report</source>
        <translation>报送(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="138" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="162" />
        <source>Clear values</source>
        <translation>清除数值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="193" />
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="193" />
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="202" />
        <location filename="../../desktop/ui/main_window.py" line="279" />
        <location filename="../../desktop/ui/main_window.py" line="293" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="234" />
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="241" />
        <source>Some pasted values were refused</source>
        <translation>部分粘贴的数值未被接受</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="248" />
        <source>Import filled template</source>
        <translation>导入填报模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="248" />
        <location filename="../../desktop/ui/main_window.py" line="272" />
        <location filename="../../desktop/ui/main_window.py" line="289" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="253" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="260" />
        <source>The file was refused</source>
        <translation>文件未被接受</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="262" />
        <source>The file holds the same values as the database; nothing changed.</source>
        <translation>文件内容与数据库一致，未作修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="264" />
        <source>Imported %1: %2 change(s)</source>
        <translation>已导入 %1：%2 项变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="271" />
        <source>%1_template.xlsx</source>
        <translation>%1_填报模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="272" />
        <source>Export template</source>
        <translation>导出填报模板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="287" />
        <source>%1_submission.xlsx</source>
        <translation>%1_报送文件.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="288" />
        <source>Save the submission workbook</source>
        <translation>保存报送文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="302" />
        <source>%1, %2: %3 error(s), %4 warning(s) (%5 unexplained), %6 notice(s).</source>
        <translation>%1 %2：%3 个错误，%4 个警告（%5 个未说明），%6 个提示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="316" />
        <source>Not submitted</source>
        <translation>未能报送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="317" />
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="318" />
        <source>Version %1 is submitted and now read-only. Save the submission workbook for the bureau.</source>
        <translation>第 %1 版已报送，数据已锁定。请保存报送文件并交市局。</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/problems.py" line="13" />
        <source>Nothing was stored. Please correct the following and try again:</source>
        <translation>未保存任何数据。请更正以下问题后重试：</translation>
    </message>
</context>
<context>
    <name>SetValuesCommand</name>
    <message>
        <location filename="../../desktop/ui/commands.py" line="27" />
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="20" />
        <source>Submit the half-year</source>
        <translation>报送本半年度数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="34" />
        <source>Submit</source>
        <translation>报送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="38" />
        <source>Submission is blocked until these are corrected or explained:</source>
        <translation>以下问题更正或说明之前不能报送：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="46" />
        <source>No approver is registered for this unit; ask the administrator to add one.</source>
        <translation>本单位尚未登记审核人，请联系管理员添加。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="50" />
        <source>Approver</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/submit.py" line="51" />
        <source>Approver's password</source>
        <translation>审核人密码</translation>
    </message>
</context>
</TS>
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../../studio/ui/actions.py" line="+82"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scene</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new drama</source>
        <translation>新建一部短剧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a drama project folder</source>
        <translation>打开短剧项目文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the project and show the start screen</source>
        <translation>关闭项目并显示开始页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the project into a folder you choose</source>
        <translation>将项目保存到你选择的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Revert to Saved</source>
        <translation>还原到已保存(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop unsaved changes</source>
        <translation>放弃未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload from &amp;Disk</source>
        <translation>从磁盘重新加载(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read drama.json again</source>
        <translation>重新读取 drama.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Bundle…</source>
        <translation>生成导出包(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export a .drama.zip</source>
        <translation>导出 .drama.zip 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview in &amp;Browser</source>
        <translation>在浏览器中预览(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the saved project in your web browser (served on this computer only)</source>
        <translation>在网页浏览器中播放已保存的项目（仅在本机提供）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Bundle…</source>
        <translation>打开导出包(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a .drama.zip and open it</source>
        <translation>导入 .drama.zip 并打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selection</source>
        <translation>删除所选内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find Scene…</source>
        <translation>查找场景(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pr&amp;eferences…</source>
        <translation>偏好设置(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import Clips…</source>
        <translation>导入片段(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import video clips</source>
        <translation>导入视频片段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Relink Clip…</source>
        <translation>重新链接片段(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a moved clip</source>
        <translation>查找已移动的片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import S&amp;ubtitles…</source>
        <translation>导入字幕(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a .vtt or .srt file as the selected scene&apos;s subtitles</source>
        <translation>把 .vtt 或 .srt 文件导入为所选场景的字幕</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add Su&amp;btitle at Playhead</source>
        <translation>在播放头处添加字幕(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a subtitle cue at the playhead in the timeline&apos;s subtitle lane</source>
        <translation>在时间线字幕轨道的播放头处添加一条字幕</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport Subtitles…</source>
        <translation>导出字幕(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the selected scene&apos;s subtitles as .vtt or .srt</source>
        <translation>把所选场景的字幕写成 .vtt 或 .srt 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set as &amp;Start</source>
        <translation>设为起始场景(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make it the start</source>
        <translation>设为起始场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set as Start</source>
        <translation>设为起始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Ending: &amp;Good</source>
        <translation>标记结局：好(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Ending: &amp;Neutral</source>
        <translation>标记结局：中性(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Ending: &amp;Bad</source>
        <translation>标记结局：坏(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unmark Ending</source>
        <translation>取消结局标记(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Arrange All</source>
        <translation>全部排列(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrange Se&amp;lected</source>
        <translation>排列所选(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom to &amp;Fit</source>
        <translation>缩放至适合(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every scene</source>
        <translation>显示所有场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to Fit</source>
        <translation>缩放至适合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Getting Started</source>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first hour, step by step</source>
        <translation>第一个小时，一步一步来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every shortcut of the studio</source>
        <translation>工作室的全部快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Drama Studio</source>
        <translation>关于 Drama Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>AutoSaver</name>
    <message>
        <location filename="../../../studio/app/autosave.py" line="+216"/>
        <source>Autosave failed: {file}: {reason}</source>
        <translation>自动保存失败：{file}：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <location line="-164"/>
        <source>never saved</source>
        <translation>从未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{title}&apos; ({where}), autosaved {when}</source>
        <translation>“{title}”（{where}），自动保存于 {when}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>cannot read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a Drama Studio recovery file</source>
        <translation>不是 Drama Studio 恢复文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>damaged ({reason})</source>
        <translation>已损坏（{reason}）</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../../studio/ui/banner.py" line="+66"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Read-only: this project is open in another studio ({owner}). Use Save As to keep a copy of your changes.</source>
        <translation>只读：此项目已在另一个工作室中打开（{owner}）。请使用“另存为”保留你的更改副本。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Over Editing…</source>
        <translation>接管编辑…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened read-only.</source>
        <translation>已以只读方式打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This project was written by schema v{version}; saving upgrades it (drama.json.bak keeps the previous file).</source>
        <translation>此项目由架构 v{version} 写入；保存时会升级它（drama.json.bak 保留之前的文件）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>drama.json was deleted or moved by another program. Saving will write it again.</source>
        <translation>drama.json 已被其他程序删除或移动。保存时会重新写入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>drama.json was changed by another program. Reload it (your unsaved edits are dropped), or keep editing: saving will ask before overwriting.</source>
        <translation>drama.json 已被其他程序更改。重新加载（未保存的编辑将被丢弃），或继续编辑：保存前会先询问是否覆盖。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
</context>
<context>
    <name>BundleController</name>
    <message>
        <location filename="../../../studio/ui/bundle_actions.py" line="+48"/>
        <source>Export Bundle</source>
        <translation>生成导出包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Bundle</source>
        <translation>打开导出包</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Open drama bundle</source>
        <translation>打开短剧导出包</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import into a new project folder (new or empty)</source>
        <translation>导入到新的项目文件夹（新建或空文件夹）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project folder (*)</source>
        <translation>项目文件夹 (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+61"/>
        <source>A bundle export or import is already running.</source>
        <translation>已有导出包导出或导入正在进行。</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Exporting to {name}…</source>
        <translation>正在导出到 {name}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;{name}&apos; has never been saved. The bundle is made from the saved project: save it first?</source>
        <translation>“{name}”从未保存。导出包由已保存的项目生成：先保存吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{name}&apos; has unsaved changes. The bundle is made from the saved project: save it first?</source>
        <translation>“{name}”有未保存的更改。导出包由已保存的项目生成：先保存吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{file} was changed by another program since it was opened; reload or save it before exporting.</source>
        <translation>{file} 在打开后被其他程序更改；请先重新加载或保存，再导出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} is missing since it was opened; reload or save it before exporting.</source>
        <translation>{file} 在打开后已丢失；请先重新加载或保存，再导出。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exported {count} files ({size}) to {path}</source>
        <translation>已导出 {count} 个文件（{size}）到 {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open {folder}</source>
        <translation>打开 {folder}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported the bundle into {folder}</source>
        <translation>已将导出包导入到 {folder}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported the bundle into {folder} (not opened)</source>
        <translation>已将导出包导入到 {folder}（未打开）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import cancelled; nothing was written.</source>
        <translation>导入已取消；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} failed</source>
        <translation>{what}失败</translation>
    </message>
</context>
<context>
    <name>ClipDelegate</name>
    <message>
        <location filename="../../../studio/ui/library/model.py" line="+172"/>
        <source>⚠ Missing file — Relink</source>
        <translation>⚠ 文件缺失 — 重新链接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>used by 1 scene</source>
        <translation>被 1 个场景使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>used by {count} scenes</source>
        <translation>被 {count} 个场景使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not used yet</source>
        <translation>尚未使用</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../../studio/app/commands.py" line="+82"/>
        <source>Redo failed: {reason}</source>
        <translation>重做失败：{reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Undo failed: {reason}</source>
        <translation>撤销失败：{reason}</translation>
    </message>
</context>
<context>
    <name>CommentList</name>
    <message>
        <location filename="../../../studio/ui/review/comments.py" line="+53"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This scene only</source>
        <translation>仅此场景</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+93"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+4"/>
        <source>(deleted scene)</source>
        <translation>（已删除的场景）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Comments ({open} open, {total} in all)</source>
        <translation>评论（{open} 条未解决，共 {total} 条）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>CommentsBox</name>
    <message>
        <location line="-133"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>CoverageBox</name>
    <message>
        <location filename="../../../studio/ui/review/coverage.py" line="+39"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What this review has watched in “Play story”</source>
        <translation>本次审阅在“试玩故事”中已观看的内容</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>▶ Play next unwatched branch</source>
        <translation>▶ 播放下一个未看分支</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Play from the nearest decision that leads to a scene or choice not watched yet</source>
        <translation>从最近的决策点开始播放，通往尚未观看的场景或选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record what I watch</source>
        <translation>记录我观看的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenes and choices played in “Play story” count as watched</source>
        <translation>在“试玩故事”中播放的场景和选项计为已观看</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show on graph</source>
        <translation>在分支图上显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fade the scenes and choices of the graph that were not watched yet</source>
        <translation>淡化分支图中尚未观看的场景和选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not watched yet (click a scene to show it)</source>
        <translation>尚未观看（点击场景以显示）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{percent}% watched · {scenes}/{scenes_total} scenes · {choices}/{choices_total} choices</source>
        <translation>已观看 {percent}% · 场景 {scenes}/{scenes_total} · 选项 {choices}/{choices_total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(unlabelled option)</source>
        <translation>（无标签选项）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{scene}” was not watched yet</source>
        <translation>“{scene}”尚未观看</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The option “{option}” of “{scene}” was not taken yet</source>
        <translation>“{scene}”的选项“{option}”尚未选择</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>… and {count} more</source>
        <translation>… 还有 {count} 项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything has been watched.</source>
        <translation>全部内容均已观看。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../../studio/ui/dialogs.py" line="+23"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Save project as: a new folder for drama.json and media/</source>
        <translation>项目另存为：存放 drama.json 和 media/ 的新文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Project folder:</source>
        <translation>项目文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folders and files (*)</source>
        <translation>文件夹和文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Video clips (*.mp4 *.mov *.m4v *.webm *.mkv);;All files (*)</source>
        <translation>视频片段 (*.mp4 *.mov *.m4v *.webm *.mkv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import clips</source>
        <translation>导入片段</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../../studio/app/document.py" line="+157"/>
        <location line="+90"/>
        <source>Untitled drama</source>
        <translation>未命名短剧</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>This project is open read-only: edits are not possible.</source>
        <translation>此项目以只读方式打开：无法编辑。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{folder}: cannot start a new project ({problem})</source>
        <translation>{folder}：无法新建项目（{problem}）</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>choose where to save this new project (Save As)</source>
        <translation>请选择保存此新项目的位置（另存为）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file}: open read-only; use Save As to save a copy</source>
        <translation>{file}：以只读方式打开；请使用“另存为”保存副本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file}: a project already exists there</source>
        <translation>{file}：该位置已存在项目</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file}: open in another studio ({owner})</source>
        <translation>{file}：已在另一个工作室中打开（{owner}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file}: changed on disk by another program since it was opened</source>
        <translation>{file}：打开后已被其他程序更改</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{file}: not saved ({reason})</source>
        <translation>{file}：未保存（{reason}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this project has never been saved</source>
        <translation>此项目从未保存过</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../../studio/ui/export_dialog.py" line="+41"/>
        <source>Drama bundle (*.drama.zip *.zip);;All files (*)</source>
        <translation>短剧导出包 (*.drama.zip *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>line {number}: {reason}</source>
        <translation>第 {number} 行：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at most {max} host origins, got {count}</source>
        <translation>最多 {max} 个宿主来源，当前为 {count} 个</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export Bundle</source>
        <translation>生成导出包</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include the web player (player/index.html)</source>
        <translation>包含网页播放器（player/index.html）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allowed host origins:</source>
        <translation>允许的宿主来源：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://wallet.example.com
(one per line; empty: none)</source>
        <translation>https://wallet.example.com
（每行一个；留空：无）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The host pages (wallet, shop) allowed to embed the web player, one per line, e.g. https://wallet.example.com. The player sends its events only to them and takes commands only from them. https only (http for localhost, 127.0.0.1 and [::1]); no path, no wildcard. Empty: the player talks to no embedding page.</source>
        <translation>允许嵌入网页播放器的宿主页面（钱包、商城），每行一个，例如 https://wallet.example.com。播放器只向它们发送事件，也只接受来自它们的命令。仅限 https（localhost、127.0.0.1 和 [::1] 可用 http）；不含路径，不支持通配符。留空：播放器不与任何嵌入页面通信。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundle holds the saved project, its clips (stored once) and posters.</source>
        <translation>导出包包含已保存的项目、其片段（只存一份）和封面。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundle file:</source>
        <translation>导出包文件：</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Export bundle</source>
        <translation>生成导出包</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a file name for the bundle.</source>
        <translation>请为导出包选择一个文件名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace bundle?</source>
        <translation>替换导出包？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} exists. Replace it?</source>
        <translation>{path} 已存在。要替换吗？</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../../studio/ui/files.py" line="+46"/>
        <source>&apos;{name}&apos; is locked by {owner}.</source>
        <translation>“{name}”已被 {owner} 锁定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is open in another studio: {owner}.</source>
        <translation>“{name}”已在另一个工作室中打开：{owner}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> That studio runs on another computer.</source>
        <translation>该工作室运行在另一台电脑上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose {action} only if that studio is no longer editing this project (it crashed, or its computer was switched off). If two studios edit one project, each save overwrites the other&apos;s changes and work is lost. {action} makes this studio the project&apos;s editor.</source>
        <translation>仅当该工作室已不再编辑此项目时（它崩溃了，或电脑已关机），才选择“{action}”。如果两个工作室同时编辑一个项目，每次保存都会覆盖对方的更改，导致工作丢失。“{action}”会让此工作室成为该项目的编辑者。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <location line="+18"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+34"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Save the changes to &apos;{name}&apos;?</source>
        <translation>保存对“{name}”的更改吗？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save new project?</source>
        <translation>保存新项目？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; has not been saved to a folder of yours yet. Save it?</source>
        <translation>“{name}”尚未保存到你自己的文件夹。要保存吗？</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+147"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>&apos;{name}&apos; is open read-only. Save your changes as a copy elsewhere?</source>
        <translation>“{name}”以只读方式打开。要将你的更改另存为副本吗？</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot take over the project</source>
        <translation>无法接管项目</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open Anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project in use</source>
        <translation>项目正在使用中</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot start a new project</source>
        <translation>无法新建项目</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New drama from the {name} template: Save to choose its folder</source>
        <translation>已从“{name}”模板新建短剧：保存时选择它的文件夹</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open the sample</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot open the draft</source>
        <translation>无法打开草稿</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changed on disk</source>
        <translation>磁盘上已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem}.
Overwrite it with your version, save yours elsewhere, or cancel?</source>
        <translation>{problem}。
用你的版本覆盖它、将你的版本另存到别处，还是取消？</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <location line="+20"/>
        <location line="+11"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace project?</source>
        <translation>替换项目？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem}. Replace it?</source>
        <translation>{problem}。要替换吗？</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revert to saved</source>
        <translation>还原到已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop all unsaved changes and reload the saved project?</source>
        <translation>放弃所有未保存的更改并重新加载已保存的项目？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot reload</source>
        <translation>无法重新加载</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Take Over Editing</source>
        <translation>接管编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take over editing</source>
        <translation>接管编辑</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot reopen</source>
        <translation>无法重新打开</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <location filename="../../../studio/ui/help/getting_started.py" line="+9"/>
        <source>Start a drama</source>
        <translation>开始一部短剧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the start screen pick &lt;b&gt;Scripted savings&lt;/b&gt;, &lt;b&gt;Shoppable drama&lt;/b&gt; or &lt;b&gt;Blank&lt;/b&gt; (File &amp;gt; New is Blank). The new drama is ready to edit at once; the first &lt;b&gt;Save&lt;/b&gt; asks for the folder it should live in. A project is a folder: drama.json and its media/.</source>
        <translation>在开始页选择&lt;b&gt;存钱剧情&lt;/b&gt;、&lt;b&gt;可购物短剧&lt;/b&gt;或&lt;b&gt;空白&lt;/b&gt;（文件 &amp;gt; 新建 即为空白）。新短剧立即可编辑；第一次&lt;b&gt;保存&lt;/b&gt;时会询问它存放的文件夹。一个项目就是一个文件夹：drama.json 及其 media/。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Storyboard before footage</source>
        <translation>先做故事板，再拍素材</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates are made of &lt;b&gt;placeholder scenes&lt;/b&gt;: a titled colour card of a planned length. They play in Play story and in the web player like clips, so the story can be tried before anything is filmed.</source>
        <translation>模板由&lt;b&gt;占位场景&lt;/b&gt;组成：带标题、按计划时长显示的彩色卡片。它们在试玩故事和网页播放器中像片段一样播放，因此拍摄之前就能试玩故事。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bring in your clips</source>
        <translation>导入你的片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Scene &amp;gt; Import Clips&lt;/b&gt; (or drag video files onto the graph) copies clips into the project&apos;s media/ folder; dropping one on the graph makes a scene of it. Give a placeholder scene its clip in the Inspector: its timed items stay.</source>
        <translation>&lt;b&gt;场景 &amp;gt; 导入片段&lt;/b&gt;（或把视频文件拖到分支图上）会把片段复制到项目的 media/ 文件夹；拖到分支图上的片段会成为一个场景。在属性面板中为占位场景指定片段：它的定时项目会保留。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Branch the story</source>
        <translation>让故事分支</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag from a scene&apos;s output port onto another scene to add a choice option, or use the &lt;b&gt;+&lt;/b&gt; on a selected scene to branch into a new one. The Inspector edits the choice: when it appears, the labels, and whether a link simply &lt;b&gt;continues automatically&lt;/b&gt;.</source>
        <translation>从场景的输出端口拖到另一个场景即可添加一个选项，或在选中的场景上点击 &lt;b&gt;+&lt;/b&gt; 分支出一个新场景。属性面板用于编辑选择：何时出现、选项文字，以及某条连线是否直接&lt;b&gt;自动继续&lt;/b&gt;。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Money and products</source>
        <translation>金额与商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deposit on an option, or a savings prompt on the timeline, asks the host app to save an amount towards a goal. A product tag puts a tappable product over the video. Write &lt;b&gt;{amount}&lt;/b&gt;, &lt;b&gt;{goal}&lt;/b&gt;, &lt;b&gt;{product}&lt;/b&gt; and &lt;b&gt;{price}&lt;/b&gt; in text: they always show the current values, formatted for the drama&apos;s locale.</source>
        <translation>选项上的存入，或时间线上的存钱提示，会请求宿主应用把一笔金额存入储蓄目标。商品标签会在视频上放置一个可点击的商品。在文字中写 &lt;b&gt;{amount}&lt;/b&gt;、&lt;b&gt;{goal}&lt;/b&gt;、&lt;b&gt;{product}&lt;/b&gt; 和 &lt;b&gt;{price}&lt;/b&gt;：它们始终显示当前的值，并按短剧的语言区域格式化。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Play and fix</source>
        <translation>试玩并修正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Play story&lt;/b&gt; plays the drama as a viewer would, choices and all. The &lt;b&gt;Problems&lt;/b&gt; panel lists what is missing or wrong; double-click a problem to go to it.</source>
        <translation>&lt;b&gt;试玩故事&lt;/b&gt;像观众一样播放短剧，包括所有选择。&lt;b&gt;问题&lt;/b&gt;面板列出缺失或错误之处；双击某个问题即可跳转到它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save and share</source>
        <translation>保存与分享</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;File &amp;gt; Save&lt;/b&gt; (autosave keeps a recovery copy in between). &lt;b&gt;File &amp;gt; Export Bundle&lt;/b&gt; writes a .drama.zip for the web player and the host apps; &lt;code&gt;studio validate PROJECT&lt;/code&gt; checks a project from the command line.</source>
        <translation>&lt;b&gt;文件 &amp;gt; 保存&lt;/b&gt;（两次保存之间，自动保存会保留一份恢复副本）。&lt;b&gt;文件 &amp;gt; 生成导出包&lt;/b&gt;为网页播放器和宿主应用写出 .drama.zip；&lt;code&gt;studio validate PROJECT&lt;/code&gt; 可在命令行中检查项目。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;li&gt;&lt;p&gt;&lt;b&gt;{title}.&lt;/b&gt; {text}&lt;/p&gt;&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;p&gt;&lt;b&gt;{title}。&lt;/b&gt;{text}&lt;/p&gt;&lt;/li&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your first hour with Drama Studio</source>
        <translation>Drama Studio 的第一个小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A drama is a graph of short scenes; the viewer&apos;s choices pick the path. These steps take you from an empty window to a drama you can share.</source>
        <translation>一部短剧是由短场景组成的图；观众的选择决定路径。以下步骤带你从空白窗口做出一部可以分享的短剧。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Help &amp;gt; Keyboard Shortcuts lists every key.</source>
        <translation>帮助 &amp;gt; 键盘快捷键 列出了所有按键。</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location line="+10"/>
        <source>Getting Started</source>
        <translation>入门指南</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../../studio/app/i18n.py" line="+40"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../../studio/ui/launch.py" line="+57"/>
        <source>Damaged recovery file</source>
        <translation>恢复文件已损坏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drama Studio stopped with unsaved work:
{recovery}

Recover it (it opens as unsaved; the project file is not changed), discard it, or decide at the next start?</source>
        <translation>Drama Studio 停止时有未保存的工作：
{recovery}

要恢复它（以未保存状态打开；不会更改项目文件）、放弃它，还是下次启动时再决定？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recovered unsaved work ({recovery}). Save to keep it.</source>
        <translation>已恢复未保存的工作（{recovery}）。请保存以保留它。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not open {path}</source>
        <translation>无法打开 {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{path}: could not be opened for review</source>
        <translation>{path}：无法打开以供审阅</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../../studio/ui/library/panel.py" line="+40"/>
        <source>Clips from outside the project are copied into its media/ folder, so the folder stays portable.</source>
        <translation>项目外的片段会被复制到它的 media/ 文件夹，使项目文件夹保持可移植。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import video clips (or drop files here)</source>
        <translation>导入视频片段（或把文件拖放到这里）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relink…</source>
        <translation>重新链接…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a moved clip, or choose its new file</source>
        <translation>查找已移动的片段，或选择它的新文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove clips no scene uses</source>
        <translation>移除没有场景使用的片段</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Drag clips onto the branch graph to create scenes</source>
        <translation>把片段拖到分支图上即可创建场景</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rejected files:</source>
        <translation>被拒绝的文件：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Clip &apos;{id}&apos; is used by scenes: delete those scenes first.</source>
        <translation>片段“{id}”正被场景使用：请先删除这些场景。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove clips</source>
        <translation>移除片段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select one clip to relink.</source>
        <translation>请选择一个要重新链接的片段。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the file for clip &apos;{id}&apos;</source>
        <translation>为片段“{id}”选择文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{problem}: choose it yourself.</source>
        <translation>{problem}：请自行选择。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importing 1 file…</source>
        <translation>正在导入 1 个文件…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing {count} files…</source>
        <translation>正在导入 {count} 个文件…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Probing {name} ({number}/{total})…</source>
        <translation>正在探测 {name}（{number}/{total}）…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checking {name} ({number}/{total}) {percent}%…</source>
        <translation>正在校验 {name}（{number}/{total}）{percent}%…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copying {name} ({number}/{total}) {percent}%…</source>
        <translation>正在复制 {name}（{number}/{total}）{percent}%…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Imported 1 clip into media/.</source>
        <translation>已将 1 个片段导入 media/。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported {n} clips into media/.</source>
        <translation>已将 {n} 个片段导入 media/。</translation>
    </message>
</context>
<context>
    <name>LockInfo</name>
    <message>
        <location filename="../../../studio/app/lock_text.py" line="+16"/>
        <source>an unknown studio (unreadable lock file from {when})</source>
        <translation>一个未知的工作室（锁文件无法读取，来自 {when}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>process {pid} on {host} since {when}</source>
        <translation>{host} 上的进程 {pid}，自 {when} 起</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../studio/ui/main_window.py" line="+200"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{title}  ({path})</source>
        <translation>{title}  （{path}）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>{app} {version}
Branching micro-drama authoring.</source>
        <translation>{app} {version}
分支微短剧创作工具。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The studio&apos;s language changes when it is restarted.</source>
        <translation>工作室的语言将在重新启动后更改。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name}[*] (read-only) — {app}</source>
        <translation>{name}[*]（只读）— {app}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}[*] — {app}</source>
        <translation>{name}[*] — {app}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
</context>
<context>
    <name>MediaImporter</name>
    <message>
        <location filename="../../../studio/app/media_import.py" line="+178"/>
        <source>This project is open read-only: clips cannot be imported.</source>
        <translation>此项目以只读方式打开：无法导入片段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the project first: imported clips are copied into its media/ folder.</source>
        <translation>请先保存项目：导入的片段会被复制到它的 media/ 文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Import cancelled: nothing was added.</source>
        <translation>导入已取消：未添加任何内容。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Import 1 clip</source>
        <translation>导入 1 个片段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import {n} clips</source>
        <translation>导入 {n} 个片段</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import failed: {reason}</source>
        <translation>导入失败：{reason}</translation>
    </message>
</context>
<context>
    <name>MediaListModel</name>
    <message>
        <location filename="../../../studio/ui/library/model.py" line="-73"/>
        <source>MISSING: use Relink to find it</source>
        <translation>缺失：请使用“重新链接”找到它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{codecs}, {fps} fps, {size} MB
id: {id}</source>
        <translation>{codecs}，{fps} fps，{size} MB
id：{id}</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../../studio/ui/panels.py" line="+104"/>
        <source>Media library</source>
        <translation>素材库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play story</source>
        <translation>试玩故事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
</context>
<context>
    <name>Playback</name>
    <message>
        <location filename="../../../studio/app/playback/player.py" line="+76"/>
        <source>file not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../studio/app/playback/vlc_messages.py" line="+38"/>
        <source>Cannot play {path}: {reason}</source>
        <translation>无法播放 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../../studio/app/playback/vlc_messages.py" line="-11"/>
        <source>libVLC refused to open it</source>
        <translation>libVLC 拒绝打开它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libVLC reported a decoding error</source>
        <translation>libVLC 报告了解码错误</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not a playable video (libVLC reported an error)</source>
        <translation>不是可播放的视频（libVLC 报告了错误）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a playable video (no video frames)</source>
        <translation>不是可播放的视频（没有视频帧）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no video frame within {seconds} s</source>
        <translation>{seconds} 秒内没有视频帧</translation>
    </message>
</context>
<context>
    <name>PlaythroughController</name>
    <message>
        <location filename="../../../studio/app/playthrough.py" line="+209"/>
        <source>Cannot play: {reason}</source>
        <translation>无法播放：{reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save the project to see its video in the playthrough.</source>
        <translation>保存项目后即可在试玩中看到它的视频。</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+58"/>
        <source>Playthrough stopped: {reason}</source>
        <translation>试玩已停止：{reason}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>deposit &apos;{id}&apos; is not waiting for an answer</source>
        <translation>存入“{id}”没有在等待答复</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../../studio/ui/preferences.py" line="+15"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved work is written to a recovery file this soon after a change</source>
        <translation>更改后经过这段时间，未保存的工作会写入恢复文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the grid on the branch graph</source>
        <translation>在分支图上显示网格</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The language of the studio&apos;s menus, panels and messages</source>
        <translation>工作室菜单、面板和消息所用的语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies when the studio is restarted.</source>
        <translation>新语言将在重新启动工作室后生效。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Autosave recovery after</source>
        <translation>自动保存恢复间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ProblemItem</name>
    <message>
        <location filename="../../../studio/ui/problems/panel.py" line="+31"/>
        <source>savings prompt</source>
        <translation>存钱提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>product tag</source>
        <translation>商品标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choice</source>
        <translation>选择点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next</source>
        <translation>下一场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>media</source>
        <translation>素材</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dub</source>
        <translation>配音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prompt</source>
        <translation>存钱提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag</source>
        <translation>商品标签</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../../studio/graph/context.py" line="+77"/>
        <source>deposit amount {amount} must be positive</source>
        <translation>存入金额 {amount} 必须为正数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>deposits into unknown goal &apos;{goal}&apos;</source>
        <translation>存入未知的储蓄目标 &apos;{goal}&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>deposit of {amount} is more than goal {goal} allows in one playthrough ({cap}); it will be cut to the cap</source>
        <translation>存入 {amount} 超过了储蓄目标 {goal} 单次试玩允许的金额（{cap}），将按上限截断</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+13"/>
        <source>condition is always false: this option never shows</source>
        <translation>条件始终为假：此选项永远不会显示</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>every option&apos;s condition is always false: the choice never shows and the scene ends as a dead end</source>
        <translation>所有选项的条件都始终为假：选择点永远不会显示，场景将成为死胡同</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>every option has a condition that may be false: when none holds, the choice is skipped and the scene ends as a dead end</source>
        <translation>每个选项的条件都可能为假：若都不满足，将跳过选择点，场景成为死胡同</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>has a choice point without options and is not marked as an ending: playback stops here</source>
        <translation>选择点没有选项，且未标记为结局：播放会停在这里</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has neither a choice point nor a next scene and is not marked as an ending: playback stops here</source>
        <translation>既没有选择点也没有下一场景，且未标记为结局：播放会停在这里</translation>
    </message>
    <message>
        <location filename="../../../studio/graph/graph_checks.py" line="+32"/>
        <source>the project has no scenes yet</source>
        <translation>项目还没有场景</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no start scene is set</source>
        <translation>未设置起始场景</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the start scene &apos;{start}&apos; does not exist</source>
        <translation>起始场景 &apos;{start}&apos; 不存在</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more than one scene has this id</source>
        <translation>有多个场景使用此 ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>points to &apos;{target}&apos;, which is not a scene</source>
        <translation>指向 &apos;{target}&apos;，但它不是场景</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>continues automatically to &apos;{target}&apos;, which is not a scene</source>
        <translation>自动跳转到 &apos;{target}&apos;，但它不是场景</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot be reached from the start scene {start}</source>
        <translation>无法从起始场景{start}到达</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>scenes {scenes} loop with no way out to an ending</source>
        <translation>场景 {scenes} 形成循环，无法通往任何结局</translation>
    </message>
    <message>
        <location filename="../../../studio/graph/l10n_checks.py" line="+83"/>
        <source>Title and catalogue: {count} text has no {locale} translation ({listed})</source>
        <translation>标题和商品目录：{count} 条文本没有 {locale} 翻译（{listed}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title and catalogue: {count} texts have no {locale} translation ({listed})</source>
        <translation>标题和商品目录：{count} 条文本没有 {locale} 翻译（{listed}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scene {title}: {count} text has no {locale} translation ({listed})</source>
        <translation>场景{title}：{count} 条文本没有 {locale} 翻译（{listed}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scene {title}: {count} texts have no {locale} translation ({listed})</source>
        <translation>场景{title}：{count} 条文本没有 {locale} 翻译（{listed}）</translation>
    </message>
    <message>
        <location filename="../../../studio/graph/media_checks.py" line="+182"/>
        <source>file &apos;{path}&apos; is missing (not used by any scene)</source>
        <translation>文件 &apos;{path}&apos; 缺失（没有场景使用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file &apos;{path}&apos; is missing (used by scene {scenes})</source>
        <translation>文件 &apos;{path}&apos; 缺失（场景{scenes}使用了它）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file &apos;{path}&apos; is missing (used by scenes {scenes})</source>
        <translation>文件 &apos;{path}&apos; 缺失（场景{scenes}使用了它）</translation>
    </message>
    <message>
        <location filename="../../../studio/graph/track_checks.py" line="+36"/>
        <source>{count} of the {total} {locale} subtitles of {title} lie outside its trim and are never shown (first at {first} ms)</source>
        <translation>{title}的 {total} 条 {locale} 字幕中有 {count} 条在裁剪范围之外，永远不会显示（第一条在 {first} ms）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title} has {locale} subtitles, but {locale} is not one of the drama&apos;s locales ({locales}): add it to the target locales</source>
        <translation>{title}有 {locale} 字幕，但 {locale} 不是本剧的语言区域（{locales}）：请将它添加到目标语言区域</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{title} has subtitles in {has} but none in {missing}</source>
        <translation>{title}有 {has} 字幕，但没有 {missing} 字幕</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{title} is a storyboard card: it has no clip to dub</source>
        <translation>{title}是故事板卡片：没有可配音的片段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the {locale} dub of {title} ends at {dub_end} ms, before the scene does ({end} ms): the rest plays silent</source>
        <translation>{title}的 {locale} 配音在 {dub_end} ms 结束，早于场景结束（{end} ms）：其余部分将无声播放</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} has a {locale} dub, but {locale} is not one of the drama&apos;s locales ({locales}): add it to the target locales</source>
        <translation>{title}有 {locale} 配音，但 {locale} 不是本剧的语言区域（{locales}）：请将它添加到目标语言区域</translation>
    </message>
    <message>
        <location filename="../../../studio/model/checks.py" line="+68"/>
        <source>end</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>trim {start}..{out} ms exceeds the clip ({duration} ms)</source>
        <translation>裁剪范围 {start}..{out} ms 超出了片段长度（{duration} ms）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{field} {at} ms is outside the trimmed clip ({start} ms..{end_text})</source>
        <translation>{field} {at} ms 在裁剪后的片段之外（{start} ms..{end_text}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>at_ms {at} ms is outside the trimmed clip ({start} ms..{end_text})</source>
        <translation>出现时间 {at} ms 在裁剪后的片段之外（{start} ms..{end_text}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>prompt at {at} ms overlaps the choice window ({appear}..{decision} ms)</source>
        <translation>{at} ms 处的存钱提示与选择窗口重叠（{appear}..{decision} ms）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{tag_start}..{tag_end} ms is outside the trimmed clip ({start} ms..{end_text})</source>
        <translation>{tag_start}..{tag_end} ms 在裁剪后的片段之外（{start} ms..{end_text}）</translation>
    </message>
    <message>
        <location filename="../../../studio/graph/scan.py" line="+43"/>
        <source>uses unknown media &apos;{media}&apos;</source>
        <translation>使用了未知的素材 &apos;{media}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shows unknown product &apos;{product}&apos;</source>
        <translation>显示了未知的商品 &apos;{product}&apos;</translation>
    </message>
    <message>
        <location filename="../../../studio/graph/validate.py" line="+51"/>
        <source>has no price: its product card shows none</source>
        <translation>没有价格：商品卡片不会显示价格</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>link &apos;{url}&apos; is not an https:// URL</source>
        <translation>链接 &apos;{url}&apos; 不是 https:// 网址</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../../studio/ui/problems/panel.py" line="+17"/>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} errors</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 warning</source>
        <translation>1 个警告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} warnings</source>
        <translation>{count} 个警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{errors}, {warnings}</source>
        <translation>{errors}，{warnings}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (first {count} shown)</source>
        <translation>（仅显示前 {count} 个）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>project</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>ProjectFolderDialog</name>
    <message>
        <location filename="../../../studio/ui/dialogs.py" line="-86"/>
        <source>Open drama project (choose its folder)</source>
        <translation>打开短剧项目（选择其文件夹）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project folder:</source>
        <translation>项目文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project folders (folders holding {file})</source>
        <translation>项目文件夹（包含 {file} 的文件夹）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{folder} holds no {file}.</source>
        <translation>{folder} 中没有 {file}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a drama project</source>
        <translation>不是短剧项目</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <location filename="../../../studio/ui/review/read_only.py" line="+41"/>
        <source>Read-only review: the project is not changed in review mode. Comments, approvals and coverage go to the Review panel ({file}); “Leave review mode” there to edit.</source>
        <translation>只读审阅：审阅模式下不会更改项目。评论、批准和覆盖率会保存到审阅面板（{file}）；在那里点击“离开审阅模式”即可编辑。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Read-only: this project is open in another studio ({owner}). Save As keeps a copy you can edit.</source>
        <translation>只读：此项目已在另一个工作室中打开（{owner}）。“另存为”可保留一份可编辑的副本。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>&apos;{name}&apos; is open in another studio ({owner}), so it is read-only here and Save cannot write it.

Save As keeps a copy of it that you can edit.</source>
        <translation>“{name}”已在另一个工作室中打开（{owner}），因此在这里是只读的，“保存”无法写入它。

“另存为”可保留一份可编辑的副本。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;{name}&apos; is open for review, read-only: Save does not change it.

Your comments, approvals and what you watched are saved as you go, in {file} beside the project: there is nothing to save.

To edit the project, use “Leave review mode” in the Review panel; Save As keeps an editable copy elsewhere.</source>
        <translation>“{name}”以只读方式打开供审阅：“保存”不会更改它。

你的评论、批准和观看记录会随时保存在项目旁边的 {file} 中：没有需要保存的内容。

要编辑项目，请在审阅面板中点击“离开审阅模式”；“另存为”可在别处保留一份可编辑的副本。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to save: read-only</source>
        <translation>无需保存：只读</translation>
    </message>
</context>
<context>
    <name>Relinker</name>
    <message>
        <location filename="../../../studio/app/relink.py" line="+111"/>
        <source>&apos;{name}&apos; was not found</source>
        <translation>未找到“{name}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Relink &apos;{id}&apos;</source>
        <translation>重新链接“{id}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{id}&apos; now uses {path}</source>
        <translation>“{id}”现在使用 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{id}&apos; now uses {path} (different content: check the scenes&apos; timing)</source>
        <translation>“{id}”现在使用 {path}（内容不同：请检查场景的时间安排）</translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <location filename="../../../studio/ui/review/mode.py" line="+23"/>
        <source>Review mode: the project is read-only. Coverage, comments and approvals are saved beside it in drama.review.json.</source>
        <translation>审阅模式：项目为只读。覆盖率、评论和批准会保存在它旁边的 drama.review.json 中。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../../studio/ui/review/panel.py" line="+72"/>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the review report as HTML and JSON</source>
        <translation>将审阅报告写为 HTML 和 JSON</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reviewer:</source>
        <translation>审阅人：</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Review mode (read-only)</source>
        <translation>审阅模式（只读）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The project is read-only; coverage, comments and approvals are saved in drama.review.json</source>
        <translation>项目为只读；覆盖率、评论和批准保存在 drama.review.json 中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave review mode</source>
        <translation>离开审阅模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen the project for editing</source>
        <translation>重新打开项目以编辑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewers&apos; notes</source>
        <translation>审阅人备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comments and approvals from reviewers (drama.review.json beside the project)</source>
        <translation>审阅人的评论和批准（项目旁边的 drama.review.json）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review mode</source>
        <translation>审阅模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen the project read-only for reviewing</source>
        <translation>以只读方式重新打开项目以审阅</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Select a scene (or move the playhead) first.</source>
        <translation>请先选择一个场景（或移动播放头）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>That comment&apos;s scene no longer exists.</source>
        <translation>该评论所在的场景已不存在。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Everything has been watched.</source>
        <translation>全部内容均已观看。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The story player is not available in this window.</source>
        <translation>此窗口中没有可用的故事播放器。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Report written: {html} and {json}</source>
        <translation>报告已写出：{html} 和 {json}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export review report</source>
        <translation>导出审阅报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <location filename="../../../studio/app/review_session.py" line="+135"/>
        <source>{problem} (not overwritten; changes stay unsaved)</source>
        <translation>{problem}（未覆盖；更改保持未保存）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the project first: the review is stored beside drama.json.</source>
        <translation>请先保存项目：审阅保存在 drama.json 旁边。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review not saved: {reason}</source>
        <translation>审阅未保存：{reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The reviewer name cannot be empty.</source>
        <translation>审阅人名字不能为空。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Write the comment first.</source>
        <translation>请先写评论。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A comment holds at most {max} characters (this one has {count}).</source>
        <translation>一条评论最多 {max} 个字符（这条有 {count} 个）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>scene &apos;{scene}&apos; does not exist: the comment was not added.</source>
        <translation>场景“{scene}”不存在：评论未添加。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>scene &apos;{scene}&apos; does not exist: nothing to approve.</source>
        <translation>场景“{scene}”不存在：没有可批准的内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the project first: an approval records the saved project&apos;s hash.</source>
        <translation>请先保存项目：批准会记录已保存项目的哈希值。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{path}: a report never replaces the project or its review file</source>
        <translation>{path}：报告绝不会替换项目或其审阅文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{path}: report not written ({reason})</source>
        <translation>{path}：报告未写出（{reason}）</translation>
    </message>
</context>
<context>
    <name>SceneBox</name>
    <message>
        <location filename="../../../studio/ui/review/scene_box.py" line="+31"/>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+44"/>
        <source>✓ Approve scene</source>
        <translation>✓ 批准场景</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Comment at the playhead…</source>
        <translation>在播放头处评论…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pin the comment to this scene at the playhead&apos;s time</source>
        <translation>把评论固定到此场景的播放头时间</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a scene (or move the playhead) to comment or approve.</source>
        <translation>选择一个场景（或移动播放头）以评论或批准。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{scene} at {time}</source>
        <translation>{scene}，{time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Withdraw approval</source>
        <translation>撤回批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approved by {names}</source>
        <translation>已由 {names} 批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by {names} (an earlier version)</source>
        <translation>已由 {names} 批准（较早版本）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not approved yet</source>
        <translation>尚未批准</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../../studio/ui/help/shortcuts.py" line="+27"/>
        <source>Branch graph</source>
        <translation>分支图</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../../studio/ui/start/page.py" line="+38"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a template, or Blank and import your clips. No footage yet? Placeholder scenes stand in for it.</source>
        <translation>选择一个模板，或选择空白后导入你的片段。还没有素材？占位场景可以先顶上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect scenes on the graph: choices, savings deposits and prompts, product tags.</source>
        <translation>在分支图上连接场景：选择、储蓄存入与提示、商品标签。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play</source>
        <translation>试玩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play story walks every path as a viewer would; Problems lists what is missing.</source>
        <translation>试玩故事会像观众一样走遍每条路径；问题面板列出缺少的内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share</source>
        <translation>分享</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save, then Export Bundle for the web player and the host app.</source>
        <translation>保存，然后为网页播放器和宿主应用生成导出包。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Branching micro-dramas where the viewer chooses what happens next, saves money towards a goal, or shops what is on screen.</source>
        <translation>分支微短剧：由观众决定接下来发生什么、为目标存钱，或购买屏幕上的商品。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Start a new drama</source>
        <translation>新建一部短剧</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a project folder…</source>
        <translation>打开项目文件夹…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsaved drafts</source>
        <translation>未保存的草稿</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sample dramas</source>
        <translation>示例短剧</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opens a copy to explore and change: the sample stays as it is.</source>
        <translation>打开一份副本来探索和修改：示例本身保持不变。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How it works</source>
        <translation>使用方法</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Untitled drama</source>
        <translation>未命名短剧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never saved to a folder of yours; last changed {when}. Open it, then Save.</source>
        <translation>从未保存到你自己的文件夹；最后更改于 {when}。打开它，然后保存。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{path} (not found)</source>
        <translation>{path}（未找到）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No recent projects yet</source>
        <translation>还没有最近的项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Projects you open or save appear here.</source>
        <translation>你打开或保存的项目会显示在这里。</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <location filename="../../../studio/ui/start/templates_text.py" line="+14"/>
        <source>Scripted savings</source>
        <translation>存钱剧情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A savings goal, a choice that deposits money, a savings prompt and two endings.</source>
        <translation>一个储蓄目标、一个存钱选项、一个存钱提示和两个结局。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shoppable drama</source>
        <translation>可购物短剧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A product, a tappable product tag over the action, a choice and two endings.</source>
        <translation>一个商品、一个覆盖在画面上的可点击商品标签、一个选择和两个结局。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty drama: import your clips or add placeholder scenes yourself.</source>
        <translation>一部空白短剧：导入你的片段，或自行添加占位场景。</translation>
    </message>
</context>
<context>
    <name>WebPreviewController</name>
    <message>
        <location filename="../../../studio/ui/web_preview.py" line="+29"/>
        <source>Preview in Browser</source>
        <translation>在浏览器中预览</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The browser preview is being built…</source>
        <translation>正在构建浏览器预览…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Building the browser preview…</source>
        <translation>正在构建浏览器预览…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Browser preview cancelled.</source>
        <translation>浏览器预览已取消。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;{name}&apos; has never been saved. The browser plays the saved project: save it first?</source>
        <translation>“{name}”从未保存。浏览器播放的是已保存的项目：先保存吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{name}&apos; has unsaved changes. The browser plays the saved project: save it first?</source>
        <translation>“{name}”有未保存的更改。浏览器播放的是已保存的项目：先保存吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>, 1 unchanged clip kept</source>
        <translation>，保留了 1 个未更改的片段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {count} unchanged clips kept</source>
        <translation>，保留了 {count} 个未更改的片段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Playing &apos;{title}&apos; in your browser at {url}{kept}</source>
        <translation>正在浏览器中播放“{title}”：{url}{kept}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open {url} in a browser to play &apos;{title}&apos;{kept}</source>
        <translation>在浏览器中打开 {url} 即可播放“{title}”{kept}</translation>
    </message>
</context>
</TS>

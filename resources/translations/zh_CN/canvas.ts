<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CanvasFlow</name>
    <message>
        <location filename="../../../studio/ui/graph/flow.py" line="+29"/>
        <source>Connect &apos;{src}&apos; to &apos;{dst}&apos;: arrows or a click pick the scene, Enter connects, Esc cancels</source>
        <translation>将“{src}”连接到“{dst}”：用方向键或点击选择场景，Enter 连接，Esc 取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{src}&apos; continues automatically to &apos;{dst}&apos;: arrows or a click pick, Enter sets, Esc cancels</source>
        <translation>“{src}”自动接续到“{dst}”：用方向键或点击选择，Enter 设定，Esc 取消</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Branch from &apos;{title}&apos;</source>
        <translation>从“{title}”分支</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There is no other scene to link to.</source>
        <translation>没有其他可连接的场景。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Continue &apos;{src}&apos; automatically to &apos;{dst}&apos;</source>
        <translation>让“{src}”自动接续到“{dst}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>Connect &apos;{src}&apos; to &apos;{dst}&apos;</source>
        <translation>将“{src}”连接到“{dst}”</translation>
    </message>
</context>
<context>
    <name>CardPlayer</name>
    <message>
        <location filename="../../../studio/ui/preview/card.py" line="+159"/>
        <source>Cannot play {path}: not a storyboard card</source>
        <translation>无法播放 {path}：不是故事板卡片</translation>
    </message>
</context>
<context>
    <name>DepositNote</name>
    <message>
        <location filename="../../../studio/ui/playthrough/deposit_note.py" line="+52"/>
        <source>Replay: deposits are simulated, no money moves</source>
        <translation>重看：存入为模拟，不会转账</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved {money} into “{goal}”</source>
        <translation>已将 {money} 存入“{goal}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Couldn&apos;t save: {reason} ({money})</source>
        <translation>未能存入：{reason}（{money}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving {money}… waiting for the wallet</source>
        <translation>正在存入 {money}…等待钱包答复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deposit of {money} taken back</source>
        <translation>已撤回 {money} 的存入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay: {money} counted, no money moves</source>
        <translation>重看：计入 {money}，不会转账</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <location filename="../../../studio/ui/graph/edges.py" line="+31"/>
        <source>continues</source>
        <translation>自动接续</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>[if]</source>
        <translation>[条件]</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Continues automatically to &apos;{title}&apos; (no choice shown)</source>
        <translation>自动接续到“{title}”（不显示选择）</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <location filename="../../../studio/ui/graph/empty_hint.py" line="+15"/>
        <source>No scenes yet</source>
        <translation>还没有场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with a placeholder scene (a titled colour card standing in for footage you have not shot yet) or import your clips. Then select a scene and press + (or Ctrl+Enter) to branch to the next one; right-click the canvas or a scene for more.</source>
        <translation>先添加一个占位场景（一张带标题的彩色卡片，代替尚未拍摄的素材），或导入你的片段。然后选中一个场景，按 +（或 Ctrl+Enter）分支到下一个场景；右键点击画布或场景可查看更多操作。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>New placeholder scene</source>
        <translation>新建占位场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A titled colour card where footage will go</source>
        <translation>一张带标题的彩色卡片，之后换成拍摄的素材</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import clips…</source>
        <translation>导入片段…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy video clips into the project&apos;s media folder</source>
        <translation>将视频片段复制到项目的素材文件夹</translation>
    </message>
</context>
<context>
    <name>EndingCard</name>
    <message>
        <location filename="../../../studio/ui/playthrough/cards.py" line="+38"/>
        <source>Good ending</source>
        <translation>好结局</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral ending</source>
        <translation>中性结局</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad ending</source>
        <translation>坏结局</translation>
    </message>
    <message>
        <location line="+193"/>
        <source>Play again as the same viewer: a replay</source>
        <translation>以同一观众身份再看一遍：即重看</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>(this scene is not marked as an ending)</source>
        <translation>（此场景未标记为结局）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{goal}: {saved} saved of {target}</source>
        <translation>{goal}：已存 {saved}，目标 {target}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ({amount} pending)</source>
        <translation>（{amount} 待确认）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No savings goals in this drama.</source>
        <translation>本剧没有储蓄目标。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay: no money moved (deposits on replays are off).</source>
        <translation>重看：未转账（未开启“重看时真实存入”）。</translation>
    </message>
</context>
<context>
    <name>GraphKeys</name>
    <message>
        <location filename="../../../studio/ui/graph/keys.py" line="+23"/>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the nearest scene in that direction</source>
        <translation>选择该方向上最近的场景</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the next / previous scene in story order</source>
        <translation>按故事顺序选择下一个 / 上一个场景</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected scene (inspector, preview and timeline)</source>
        <translation>打开所选场景（属性、预览和时间线）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename the selected scene (Enter keeps, Esc cancels)</source>
        <translation>重命名所选场景（Enter 保留，Esc 取消）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Branch: add a new scene after the selected one, ready to rename</source>
        <translation>分支：在所选场景后添加新场景，并可直接重命名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect the selected scene to another: pick it with the arrows, Enter (Esc cancels)</source>
        <translation>将所选场景连接到另一个场景：用方向键选择，按 Enter（Esc 取消）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alt+Arrow keys</source>
        <translation>Alt+方向键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected scenes a little (Shift: further)</source>
        <translation>微移所选场景（按住 Shift：移得更远）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel connecting or renaming; else clear the selection</source>
        <translation>取消连接或重命名；否则清除选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right-click</source>
        <translation>右键点击</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scene and canvas menu: new scene, placeholder, paste, arrange, continue to…</source>
        <translation>场景和画布菜单：新建场景、占位场景、粘贴、排列、自动接续到…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mouse wheel / Shift+wheel</source>
        <translation>鼠标滚轮 / Shift+滚轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom / scroll</source>
        <translation>缩放 / 滚动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Middle-drag</source>
        <translation>中键拖动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pan the canvas</source>
        <translation>平移画布</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../../../studio/ui/graph/panel.py" line="+68"/>
        <source>Find scene by title…  (Enter: next)</source>
        <translation>按标题查找场景…（Enter：下一个）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+179"/>
        <source>Arrange</source>
        <translation>自动排列</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Lay out all scenes left to right (one undo step)</source>
        <translation>将所有场景从左到右排列（可一步撤销）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arrange selected scenes</source>
        <translation>排列所选场景</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to fit all scenes</source>
        <translation>缩放以显示全部场景</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Set as start</source>
        <translation>设为起始场景</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark ending: good</source>
        <translation>标记结局：好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark ending: neutral</source>
        <translation>标记结局：中性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark ending: bad</source>
        <translation>标记结局：坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+143"/>
        <source>Unmark ending</source>
        <translation>取消结局标记</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Branch: new scene after this</source>
        <translation>分支：在此后新建场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to…</source>
        <translation>连接到…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue automatically to…</source>
        <translation>自动接续到…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This scene has a choice: remove its options first</source>
        <translation>此场景有选择点：请先移除其选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop &apos;{title}&apos; continuing automatically</source>
        <translation>停止“{title}”的自动接续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop continuing to &apos;{name}&apos;</source>
        <translation>停止自动接续到“{name}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New scene</source>
        <translation>新建场景</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import a clip first (Scene &gt; Import Clips), or add a placeholder scene</source>
        <translation>请先导入片段（场景 &gt; 导入片段），或添加占位场景</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New placeholder scene</source>
        <translation>新建占位场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A titled colour card standing in for footage not shot yet</source>
        <translation>一张带标题的彩色卡片，代替尚未拍摄的素材</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lay out all scenes left to right</source>
        <translation>将所有场景从左到右排列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add placeholder scene</source>
        <translation>添加占位场景</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add scene</source>
        <translation>添加场景</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The clipboard holds no scenes.</source>
        <translation>剪贴板中没有场景。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The clipboard&apos;s scenes cannot be read.</source>
        <translation>无法读取剪贴板中的场景。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select one scene to make it the start.</source>
        <translation>请选择一个场景作为起始场景。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set start to &apos;{id}&apos;</source>
        <translation>将起始场景设为“{id}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark ending</source>
        <translation>标记结局</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Arrange scenes</source>
        <translation>排列场景</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No scene title contains &apos;{text}&apos;.</source>
        <translation>没有标题包含“{text}”的场景。</translation>
    </message>
</context>
<context>
    <name>InlineRename</name>
    <message>
        <location filename="../../../studio/ui/graph/rename.py" line="+63"/>
        <source>Scene title: Enter to keep, Esc to cancel</source>
        <translation>场景标题：Enter 保留，Esc 取消</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Rename &apos;{old}&apos; to &apos;{new}&apos;</source>
        <translation>将“{old}”重命名为“{new}”</translation>
    </message>
</context>
<context>
    <name>MoneyInput</name>
    <message>
        <location filename="../../../studio/ui/playthrough/wallet_box.py" line="+106"/>
        <source>is too large</source>
        <translation>数值过大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance: {error}</source>
        <translation>余额：{error}</translation>
    </message>
</context>
<context>
    <name>OptionButton</name>
    <message>
        <location filename="../../../studio/ui/playthrough/widgets.py" line="+59"/>
        <source> (saves {amount})</source>
        <translation>（存入 {amount}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Option {number}: {label}</source>
        <translation>选项 {number}：{label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press {number}</source>
        <translation>按 {number}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not watched yet: take this option</source>
        <translation>尚未观看：请选择此选项</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../../../studio/ui/playthrough/overlay.py" line="+40"/>
        <source>Waiting for your choice</source>
        <translation>等待你的选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timers off: take your time</source>
        <translation>计时已关闭：慢慢选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra time to choose</source>
        <translation>已延长选择时间</translation>
    </message>
</context>
<context>
    <name>PlaythroughPanel</name>
    <message>
        <location filename="../../../studio/ui/playthrough/panel.py" line="+152"/>
        <source>Select a scene to play from.</source>
        <translation>请选择试玩的起始场景。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>scene &apos;{id}&apos; does not exist.</source>
        <translation>场景“{id}”不存在。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No video (libVLC is not available); the story plays on.</source>
        <translation>无视频（libVLC 不可用）；故事照常进行。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No video: {error}</source>
        <translation>无视频：{error}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select a scene to play from</source>
        <translation>选择试玩的起始场景</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play from “{title}”</source>
        <translation>从“{title}”开始试玩</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Another project was opened: press Play story.</source>
        <translation>已打开另一个项目：请按“试玩故事”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The project changed: this playthrough uses the version it started with; press Play to see your edits.</source>
        <translation>项目已更改：本次试玩使用开始时的版本；按“试玩故事”可看到你的修改。</translation>
    </message>
</context>
<context>
    <name>PreviewBinding</name>
    <message>
        <location filename="../../../studio/ui/preview/binding.py" line="+36"/>
        <source>Select a scene to preview its clip</source>
        <translation>选择一个场景以预览其片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the project to preview its clips</source>
        <translation>保存项目后即可预览片段</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scene {id} no longer exists</source>
        <translation>场景 {id} 已不存在</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scene “{title}”: its clip &apos;{clip}&apos; is not in the library</source>
        <translation>场景“{title}”：其片段“{clip}”不在素材库中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot play {path}: file not found</source>
        <translation>无法播放 {path}：找不到文件</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Scene “{title}”: {error}</source>
        <translation>场景“{title}”：{error}</translation>
    </message>
</context>
<context>
    <name>PreviewControls</name>
    <message>
        <location filename="../../../studio/ui/preview/controls.py" line="+42"/>
        <source>Previous frame (Left)</source>
        <translation>上一帧（左方向键）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play / pause (Space, K)</source>
        <translation>播放 / 暂停（空格键、K）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next frame (Right)</source>
        <translation>下一帧（右方向键）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mute (M)</source>
        <translation>静音（M）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scrub within the scene&apos;s trim</source>
        <translation>在场景的裁剪范围内拖动定位</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../../studio/ui/preview/backend.py" line="+50"/>
        <source>Preview unavailable: {problem}</source>
        <translation>预览不可用：{problem}</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/preview/panel.py" line="+83"/>
        <source>No clip selected</source>
        <translation>未选择片段</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <location filename="../../../studio/ui/playthrough/cards.py" line="-98"/>
        <source>Preview only: host apps open the shop link.</source>
        <translation>仅供预览：宿主应用会打开商店链接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Price not set</source>
        <translation>未设置价格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU {sku}</source>
        <translation>SKU {sku}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No shop link</source>
        <translation>无商店链接</translation>
    </message>
</context>
<context>
    <name>PromptCard</name>
    <message>
        <location line="-58"/>
        <source>Savings · video paused</source>
        <translation>储蓄 · 视频已暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Savings</source>
        <translation>储蓄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kicker} · replay: no money moves</source>
        <translation>{kicker} · 重看：不会转账</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>into “{goal}”</source>
        <translation>存入“{goal}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>into goal {id}</source>
        <translation>存入目标 {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+1 more prompt waiting</source>
        <translation>还有 1 个提示在等待</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>+{n} more prompts waiting</source>
        <translation>还有 {n} 个提示在等待</translation>
    </message>
</context>
<context>
    <name>SceneItem</name>
    <message>
        <location filename="../../../studio/ui/graph/items.py" line="+47"/>
        <source>good</source>
        <translation>好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bad</source>
        <translation>坏</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>missing clip</source>
        <translation>缺少片段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>placeholder</source>
        <translation>占位</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>1 product tag</source>
        <translation>1 个商品标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} product tags</source>
        <translation>{n} 个商品标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 option</source>
        <translation>1 个选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} options</source>
        <translation>{n} 个选项</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>START</source>
        <translation>起始</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>END · {kind}</source>
        <translation>结局 · {kind}</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../../studio/ui/playthrough/side.py" line="+37"/>
        <source>Timers: normal</source>
        <translation>计时：正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timers: twice as long</source>
        <translation>计时：两倍时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timers: ten times as long</source>
        <translation>计时：十倍时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timers: off (wait for me)</source>
        <translation>计时：关闭（等我选择）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for a choice</source>
        <translation>等待选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for a choice (timers off)</source>
        <translation>等待选择（计时已关闭）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra time to choose</source>
        <translation>已延长选择时间</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Play story</source>
        <translation>试玩故事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play from here…</source>
        <translation>从此处试玩…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+116"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return to the previous decision</source>
        <translation>回到上一个选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start over</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same viewer plays again from the same start: a replay (new playthrough id, same wallet). Its deposits are real only if the project&apos;s “Deposits on replays are real” is checked. A playthrough that has not ended is abandoned first.</source>
        <translation>同一观众从相同起点再玩一次：即重看（新的试玩 ID，同一个钱包）。只有勾选了项目的“重看时真实存入”，重看的存入才是真实的。尚未结束的试玩会先被放弃。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Timing adjustable (WCAG 2.2.1): used from the next Play</source>
        <translation>可调整计时（WCAG 2.2.1）：从下次试玩起生效</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language the story is shown in: its translations, the viewer&apos;s words, money and subtitles in that locale (used from the next Play)</source>
        <translation>试玩时故事使用的语言：该语言区域的翻译、观众看到的文字、金额格式和字幕（下次播放起生效）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+106"/>
        <source>Not playing.</source>
        <translation>未在试玩。</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>已存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pending</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Of target</source>
        <translation>完成度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved: confirmed by the wallet. Pending: waiting for its answer.</source>
        <translation>已存：钱包已确认。待确认：等待钱包答复。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Path so far</source>
        <translation>已走路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits per goal</source>
        <translation>各目标的存入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Language: {name}</source>
        <translation>语言：{name}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused by you</source>
        <translation>已由你暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>playing</source>
        <translation>播放中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for the savings prompt</source>
        <translation>等待存钱提示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} · {t} s · clock {clock} s · {state}</source>
        <translation>{title} · {t} 秒 · 时钟 {clock} 秒 · {state}</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../../studio/ui/playthrough/start_dialog.py" line="+31"/>
        <source>bool</source>
        <translation>布尔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>int</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>string</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{text}” is not a whole number</source>
        <translation>“{text}”不是整数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{value} is too large (limit ±{limit})</source>
        <translation>{value} 过大（上限为 ±{limit}）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Play from here</source>
        <translation>从此处试玩</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start at scene “{title}” with these values:</source>
        <translation>从场景“{title}”开始，使用以下变量值：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This drama declares no variables.</source>
        <translation>本剧未声明任何变量。</translation>
    </message>
</context>
<context>
    <name>SteerGuide</name>
    <message>
        <location filename="../../../studio/ui/playthrough/steering.py" line="+33"/>
        <source>“{title}”</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an untitled scene</source>
        <translation>一个无标题场景</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{label}”</source>
        <translation>“{label}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the unwatched option</source>
        <translation>未观看的选项</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> The 1 decision on the way was made for you.</source>
        <translation>途中的 1 个选择已替你做出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> The {n} decisions on the way were made for you.</source>
        <translation>途中的 {n} 个选择已替你做出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unwatched branch: choose {label} (highlighted) in {where}.{decided} Timers are off.</source>
        <translation>未观看的分支：请在{where}中选择{label}（已高亮）。{decided}计时已关闭。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No way from the start shows {label} (its condition was never met on the paths tried): playing from {where}. Choose {label} (highlighted). Timers are off.</source>
        <translation>从起点出发的路径都不会显示{label}（在尝试过的路径上其条件从未满足）：改为从{where}开始播放。请选择{label}（已高亮）。计时已关闭。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{where} has not been watched yet: it starts here. Press Resume to watch it.{decided}</source>
        <translation>{where}尚未观看：从这里开始。按“继续”观看。{decided}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{where} is not reached by any decision: it plays on its own. Press Resume to watch it.</source>
        <translation>没有任何选择会到达{where}：它将单独播放。按“继续”观看。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot play the unwatched branch in {where}: {reason}.</source>
        <translation>无法播放{where}中未观看的分支：{reason}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Steering</source>
        <translation>引导</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>You chose {taken}, not the unwatched {wanted}: “Play next unwatched branch” in the Review panel brings you back to it.</source>
        <translation>你选择了{taken}，而不是未观看的{wanted}：审阅面板中的“播放下一个未看分支”可带你回到那里。</translation>
    </message>
</context>
<context>
    <name>VideoSurface</name>
    <message>
        <location filename="../../../studio/ui/playthrough/surface.py" line="+49"/>
        <source>Press “Play story” to play the drama.</source>
        <translation>按“试玩故事”播放本剧。</translation>
    </message>
</context>
<context>
    <name>WalletBox</name>
    <message>
        <location filename="../../../studio/ui/playthrough/wallet_box.py" line="-70"/>
        <source>insufficient balance</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>refused by the wallet</source>
        <translation>被钱包拒绝</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Accept every deposit</source>
        <translation>接受所有存入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse every deposit</source>
        <translation>拒绝所有存入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse over a balance</source>
        <translation>超出余额时拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer by hand (deposits wait)</source>
        <translation>手动答复（存入需等待）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved</source>
        <translation>已存入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for your answer</source>
        <translation>等待你的答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked again: same answer, no money moved</source>
        <translation>再次请求：答复相同，未转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked again after it was cancelled: ignored</source>
        <translation>取消后再次请求：已忽略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given back (cancelled after Back)</source>
        <translation>已退回（返回后取消）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled: no money had moved</source>
        <translation>已取消：未转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay: simulated, no money moved</source>
        <translation>重看：模拟，未转账</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refused: {reason}</source>
        <translation>已拒绝：{reason}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Simulated wallet</source>
        <translation>模拟钱包</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How the wallet answers deposits: used from the next Play story</source>
        <translation>钱包如何答复存入：从下次试玩故事起生效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance:</source>
        <translation>余额：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used from the next Play story.</source>
        <translation>从下次试玩故事起生效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deposit</source>
        <translation>存入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Not playing: no wallet yet.</source>
        <translation>未在试玩：尚无钱包。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>replay</source>
        <translation>重看</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>first playthrough</source>
        <translation>首次试玩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deposits are real</source>
        <translation>存入为真实存入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deposits simulated, no money moves</source>
        <translation>存入为模拟，不会转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no balance limit</source>
        <translation>无余额限制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Playthrough {id} ({kind}): {money}
Wallet balance: {balance}</source>
        <translation>试玩 {id}（{kind}）：{money}
钱包余额：{balance}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pending: {amount} into {goal}</source>
        <translation>待确认：{amount} 存入“{goal}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
</context>
</TS>

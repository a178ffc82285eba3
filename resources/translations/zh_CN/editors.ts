<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuthorText</name>
    <message>
        <location filename="../../../studio/ui/inspector/author_text.py" line="+30"/>
        <source>the amount of money, written as the viewer&apos;s locale writes it (¥20.00)</source>
        <translation>金额，按观众所在语言区域的写法显示（¥20.00）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the savings goal&apos;s name</source>
        <translation>储蓄目标的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the product&apos;s name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the product&apos;s price, written as the viewer&apos;s locale writes it</source>
        <translation>商品价格，按观众所在语言区域的写法显示</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Insert a placeholder at the cursor. Placeholders in braces are filled in when the story plays, so the text always shows the current values.</source>
        <translation>在光标处插入占位符。花括号中的占位符会在故事播放时填入，因此文字总是显示当前的值。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This text can use:</source>
        <translation>这段文字可以使用：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This text has no values to fill in (an option gets {amount} and {goal} with a savings deposit).</source>
        <translation>这段文字没有可填入的值（选项设置了存入后才能使用 {amount} 和 {goal}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write {{ and }} for a literal brace.</source>
        <translation>要显示花括号本身，请写 {{ 和 }}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No placeholders in this text</source>
        <translation>此文字不支持占位符</translation>
    </message>
</context>
<context>
    <name>ChoiceForm</name>
    <message>
        <location filename="../../../studio/ui/inspector/scene_forms.py" line="+189"/>
        <source>Appears</source>
        <translation>出现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick the default option</source>
        <translation>选择默认选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loop the end</source>
        <translation>循环结尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On timeout</source>
        <translation>超时时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut at the choice</source>
        <translation>选择后立即切换</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the clip to its end</source>
        <translation>播完当前片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After choosing</source>
        <translation>选择之后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the countdown</source>
        <translation>显示倒计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask only once (one shot)</source>
        <translation>只问一次（一次性）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  ★ default</source>
        <translation>  ★ 默认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{title}”</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing scene &apos;{id}&apos;</source>
        <translation>缺失的场景“{id}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Option “{label}”</source>
        <translation>选项“{label}”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>+ Option</source>
        <translation>+ 选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove choice window</source>
        <translation>删除选择窗口</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>‹ Scene</source>
        <translation>‹ 场景</translation>
    </message>
</context>
<context>
    <name>ClipPicker</name>
    <message>
        <location filename="../../../studio/ui/inspector/storyboard.py" line="+144"/>
        <location line="+70"/>
        <source>Give “{title}” a clip</source>
        <translation>为“{title}”指定片段</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>The storyboard card is replaced by the clip; the choice window, savings prompts and product tags keep their times.</source>
        <translation>故事板卡片将被片段替换；选择窗口、存钱提示和商品标签保持原有时间。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{file}  ({seconds} s)</source>
        <translation>{file}（{seconds} 秒）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give it this clip</source>
        <translation>使用此片段</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The library has no clips yet: import one (Scene › Import Clips, Ctrl+I).</source>
        <translation>素材库中还没有片段：请先导入（场景 › 导入片段，Ctrl+I）。</translation>
    </message>
</context>
<context>
    <name>ColourField</name>
    <message>
        <location line="-140"/>
        <source>The colour of the storyboard card shown until the scene has its clip</source>
        <translation>场景有片段之前所显示的故事板卡片的颜色</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Card colour</source>
        <translation>卡片颜色</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set card colour</source>
        <translation>设置卡片颜色</translation>
    </message>
</context>
<context>
    <name>ConditionEditor</name>
    <message>
        <location filename="../../../studio/ui/inspector/condition.py" line="+176"/>
        <source>all of these</source>
        <translation>全部满足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any of these</source>
        <translation>任一满足</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+91"/>
        <location line="+2"/>
        <source>Always available</source>
        <translation>始终可用</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Raw JSON</source>
        <translation>原始 JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the condition as JsonLogic</source>
        <translation>以 JsonLogic 编辑条件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>+ Test</source>
        <translation>+ 判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a test: variable, operator, value</source>
        <translation>添加判断：变量、运算符、值</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>This condition is too complex for the builder</source>
        <translation>此条件过于复杂，无法用构建器编辑</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>JsonLogic</source>
        <translation>JsonLogic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available when</source>
        <translation>可用条件</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Edit condition</source>
        <translation>编辑条件</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>not JSON: {message} (line {line}, column {column})</source>
        <translation>不是有效的 JSON：{message}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a condition must be an operation such as {&quot;==&quot;: [...]}</source>
        <translation>条件必须是一个运算，例如 {&quot;==&quot;: [...]}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Valid condition</source>
        <translation>条件有效</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Edit condition (JSON)</source>
        <translation>编辑条件（JSON）</translation>
    </message>
</context>
<context>
    <name>CueDialog</name>
    <message>
        <location filename="../../../studio/ui/timeline/subtitle_lane.py" line="+53"/>
        <source>Subtitle text</source>
        <translation>字幕文字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One or two short lines. Ctrl+Enter applies.</source>
        <translation>一到两行短句。按 Ctrl+Enter 应用。</translation>
    </message>
</context>
<context>
    <name>CueStrip</name>
    <message>
        <location filename="../../../studio/ui/timeline/subtitle_strip.py" line="+76"/>
        <source>Subtitle cues</source>
        <translation>字幕条</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Outside the trim: never shown</source>
        <translation>在裁剪范围之外：不会显示</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No {locale} subtitles: double-click to add one, or import a file (⋯)</source>
        <translation>暂无 {locale} 字幕：双击添加一条，或导入字幕文件（⋯）</translation>
    </message>
</context>
<context>
    <name>DurationField</name>
    <message>
        <location filename="../../../studio/ui/inspector/storyboard.py" line="+24"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long the storyboard card plays (the planned length of the scene)</source>
        <translation>故事板卡片的播放时长（场景的计划长度）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Set card duration</source>
        <translation>设置卡片时长</translation>
    </message>
</context>
<context>
    <name>EffectsEditor</name>
    <message>
        <location filename="../../../studio/ui/inspector/effects.py" line="+111"/>
        <source>No effects</source>
        <translation>无效果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+ Effect</source>
        <translation>+ 效果</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Declare a variable in the Project tab first</source>
        <translation>请先在“项目”页中声明变量</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>declare a variable in the Project tab first</source>
        <translation>请先在“项目”页中声明变量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add effect</source>
        <translation>添加效果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove effect</source>
        <translation>删除效果</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Change effect variable</source>
        <translation>更改效果的变量</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>effect {number} ({variable}): {reason}</source>
        <translation>效果 {number}（{variable}）：{reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit effect</source>
        <translation>编辑效果</translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <location filename="../../../studio/ui/inspector/field_help.py" line="+19"/>
        <source>Where this scene starts playing in its clip</source>
        <translation>本场景从片段的哪个位置开始播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scene plays its clip from In to Out. Timed items (prompts, product tags, the choice) use the clip&apos;s own time, so trimming never moves them.</source>
        <translation>场景播放片段从入点到出点的部分。计时项目（提示、商品标签、选择）使用片段自身的时间，因此裁剪不会移动它们。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Where this scene stops playing in its clip (empty: the clip&apos;s end)</source>
        <translation>本场景在片段的哪个位置停止播放（留空：片段结尾）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When the clip reaches Out, the scene ends: it goes to the option taken, continues automatically, or ends the story.</source>
        <translation>片段播放到出点时场景结束：转到所选选项的场景、自动继续，或结束故事。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go on to this scene when the clip ends, with no choice</source>
        <translation>片段结束时不显示选择，直接进入此场景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue automatically: when this scene ends, the story goes straight on to the scene chosen here. No buttons, no countdown. A scene continues automatically or offers a choice, never both, and an ending does neither.</source>
        <translation>自动继续：本场景结束时，故事直接进入此处选择的场景，没有按钮，也没有倒计时。一个场景要么自动继续，要么提供选择，不能两者兼有；结局则两者都没有。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>When the choice buttons appear (clip time)</source>
        <translation>选择按钮出现的时间（片段时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The options show from this moment of the clip until the viewer chooses or the deadline passes.</source>
        <translation>从片段的这一时刻起显示选项，直到观众做出选择或超过截止时间。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When the viewer&apos;s time to choose runs out (clip time)</source>
        <translation>观众做选择的截止时间（片段时间）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the deadline the timeout rule (&apos;On timeout&apos;) applies. Viewers can give themselves more time in the player&apos;s settings (x2, x10, or no timers): then the story waits.</source>
        <translation>到截止时间时，按超时规则（“超时时”）处理。观众可以在播放器设置中给自己更多时间（两倍、十倍或不限时）：这时故事会等待。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What happens when nobody chooses in time</source>
        <translation>无人及时选择时会怎样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the default option: the option marked ★ default is taken, as if the viewer had chosen it (if it is hidden by its condition, the story pauses instead).
Loop the end: the scene plays again from In and the choice shows again.
Pause: the video stops and waits for the viewer.</source>
        <translation>选择默认选项：自动选中标有“★ 默认”的选项，就像观众选了它一样（如果它被条件隐藏，故事会改为暂停）。
循环结尾：场景从入点重新播放，并再次显示选择。
暂停：视频停止，等待观众。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cut away at once, or finish the clip first</source>
        <translation>立即切走，还是先播完片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut at the choice: the chosen scene starts as soon as the viewer chooses.
Play the clip to its end: this clip keeps playing after the choice (a reaction shot, a line of dialogue) and the chosen scene starts when it ends.</source>
        <translation>选择后立即切换：观众一做出选择，所选场景就开始播放。
播完当前片段：选择之后本片段继续播放（反应镜头、一句台词），播完后所选场景才开始。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ask only the first time; later visits take the same answer</source>
        <translation>只在第一次询问；之后再来时沿用同一答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One shot: when the viewer comes back to this scene later in the same playthrough (a loop in the story), the answer given the first time is taken again without asking. Back (to the previous decision) still lets the viewer change it.</source>
        <translation>一次性：在同一次试玩中，观众之后再回到本场景时（故事中的循环），不再询问，直接沿用第一次的答案。“返回”（回到上一个决定）仍可让观众更改。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the time left as a shrinking bar</source>
        <translation>用逐渐缩短的进度条显示剩余时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bar shows the time left until the deadline. Without it the viewer still has the same time, just no bar.</source>
        <translation>进度条显示距截止还剩多少时间。不显示时观众的时间不变，只是没有进度条。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Taken when time runs out (with &apos;Pick the default option&apos;)</source>
        <translation>时间用完时自动选中（超时规则为“选择默认选项”时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The default option is taken at the deadline when the choice&apos;s timeout rule is &apos;Pick the default option&apos;. It is also what Play story and the trace runner choose when no input is given.</source>
        <translation>当选择的超时规则为“选择默认选项”时，到截止时间会选中默认选项。没有输入时，试玩故事和路径运行器也会选择它。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the amount to be saved on the button</source>
        <translation>在按钮上显示要存入的金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The viewer sees how much choosing this option saves (e.g. &apos;+¥200.00&apos;) on the button itself. Turn it off when the label already says the amount with {amount}.</source>
        <translation>观众会直接在按钮上看到选择此选项能存多少钱（例如“+¥200.00”）。如果标签已经用 {amount} 写出金额，请关闭此项。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The button&apos;s text; may use {amount} and {goal}</source>
        <translation>按钮上的文字；可使用 {amount} 和 {goal}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the viewer reads on the button. Write {amount} for the option&apos;s deposit and {goal} for its goal&apos;s name: the player fills them in the viewer&apos;s language and currency, so the text never disagrees with the amount. Write {{ and }} for braces.</source>
        <translation>观众在按钮上看到的文字。用 {amount} 表示该选项的存入金额，用 {goal} 表示其目标的名称：播放器会按观众的语言和货币填入，因此文字不会与金额不一致。要显示花括号，请写 {{ 和 }}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make a part of the video itself tappable for this option</source>
        <translation>让视频画面的一部分可以点击，用于此选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A hotspot is an area of the frame (as a part of its width and height) that the viewer taps instead of, or as well as, the button. Keep it clear of the player&apos;s title bar at the top and the choice dock at the bottom (shaded in the editor).</source>
        <translation>热区是画面中的一个区域（按宽度和高度的比例），观众可以点击它来代替按钮，或与按钮并用。请避开顶部的播放器标题栏和底部的选择栏（编辑器中以阴影标出）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Money the viewer&apos;s wallet moves into the goal when this option is chosen</source>
        <translation>选择此选项时，观众的钱包转入目标的金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The host app (the wallet) moves this amount into the viewer&apos;s savings goal. The player only asks; the wallet confirms or refuses, and a refused deposit never counts.</source>
        <translation>宿主应用（钱包）会把这笔金额转入观众的储蓄目标。播放器只负责发起请求，由钱包确认或拒绝；被拒绝的存入一律不计入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The prompt&apos;s question; may use {amount} and {goal}</source>
        <translation>提示的问题；可使用 {amount} 和 {goal}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write {amount} and {goal} instead of writing the money out: the player fills them in, so changing the amount never leaves old money in the text.</source>
        <translation>用 {amount} 和 {goal} 代替直接写出金额：播放器会自动填入，因此修改金额后，文字里不会留下旧的金额。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stop the video until the viewer answers</source>
        <translation>暂停视频，直到观众回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused: the video waits for Save it / Not now. Not paused: the prompt stays on screen while the clip plays and counts as &apos;Not now&apos; if the scene ends first.</source>
        <translation>暂停：视频等待观众点“存起来”或“以后再说”。不暂停：片段播放时提示一直显示在屏幕上，如果场景先结束，则视为“以后再说”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The tag&apos;s button text (empty: the player&apos;s &apos;Shop now&apos;)</source>
        <translation>标签按钮上的文字（留空：使用播放器的“立即购买”）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the viewer taps to open the product card. May use {product} and {price}.</source>
        <translation>观众点击它来打开商品卡片。可使用 {product} 和 {price}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where the product tag sits on the video</source>
        <translation>商品标签在视频上的位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tag is drawn over this area of the frame while it shows. Keep it clear of the player&apos;s title bar at the top and the choice dock at the bottom (shaded in the editor).</source>
        <translation>标签显示期间绘制在画面的这个区域上。请避开顶部的播放器标题栏和底部的选择栏（编辑器中以阴影标出）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The most one playthrough may save into this goal (empty: no cap)</source>
        <translation>一次试玩最多可存入此目标的金额（留空：无上限）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A deposit that would take the playthrough&apos;s total for this goal past the cap is reduced to what is left; the player says so.</source>
        <translation>如果某笔存入会让本次试玩在此目标上的总额超过上限，它会被减少到剩余额度；播放器会告知观众。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The amount the viewer is saving towards</source>
        <translation>观众要存到的金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown as the goal&apos;s progress. It does not limit deposits (that is the cap).</source>
        <translation>显示为目标的进度。它不限制存入（限制存入的是上限）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whether watching again moves real money again</source>
        <translation>重看时是否再次真实转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: only the viewer&apos;s first playthrough deposits real money; replays show simulated deposits. On: every playthrough deposits.</source>
        <translation>关闭：只有观众的第一次试玩会真实存入，重看时显示模拟存入。开启：每次试玩都会存入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The viewers&apos; language and region, e.g. zh-CN</source>
        <translation>观众的语言和地区，例如 zh-CN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money and numbers in author text ({amount}, {price}) are written the way this locale writes them.</source>
        <translation>作者文字中的金额和数字（{amount}、{price}）按此语言区域的写法显示。</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../../../studio/ui/inspector/forms.py" line="+217"/>
        <source>Ids are stable references and cannot be edited here</source>
        <translation>ID 是稳定的引用，不能在这里修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>GiveClipButton</name>
    <message>
        <location filename="../../../studio/ui/inspector/storyboard.py" line="+113"/>
        <source>Give this scene a clip…</source>
        <translation>为此场景指定片段…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace the storyboard card by a clip from the library, keeping everything timed on the scene</source>
        <translation>用素材库中的片段替换故事板卡片，场景上的计时项目全部保留</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <location filename="../../../studio/ui/inspector/field_help.py" line="+42"/>
        <source>What is “{title}”?</source>
        <translation>“{title}”是什么？</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What is this?</source>
        <translation>这是什么？</translation>
    </message>
</context>
<context>
    <name>HotspotCanvas</name>
    <message>
        <location filename="../../../studio/ui/inspector/hotspot.py" line="+299"/>
        <source>Player title bar</source>
        <translation>播放器标题栏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choice dock</source>
        <translation>选择栏</translation>
    </message>
</context>
<context>
    <name>HotspotEditor</name>
    <message>
        <location filename="../../../studio/ui/inspector/hotspot_editor.py" line="+34"/>
        <source>the player&apos;s title bar</source>
        <translation>播放器标题栏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the player&apos;s choice dock</source>
        <translation>播放器选择栏</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+133"/>
        <source>Remove hotspot</source>
        <translation>删除热区</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Set hotspot {name}</source>
        <translation>设置热区 {name}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Mostly under {chrome}: viewers cannot tap it there.</source>
        <translation>大部分被{chrome}遮挡：观众无法在那里点击。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No hotspot: drag on the frame to draw one</source>
        <translation>无热区：在画面上拖动即可绘制</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Frame at {time} (playhead)</source>
        <translation>{time} 处的画面（播放头）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame at {time}</source>
        <translation>{time} 处的画面</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No clip to show</source>
        <translation>没有可显示的片段</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Frame unavailable: {reason}</source>
        <translation>无法获取画面：{reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Draw hotspot</source>
        <translation>绘制热区</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move hotspot</source>
        <translation>移动热区</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a product tag needs its hotspot</source>
        <translation>商品标签必须有热区</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../../studio/ui/timeline/subtitle_files.py" line="+97"/>
        <location line="+52"/>
        <source>Import subtitles</source>
        <translation>导入字幕</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>A .vtt or .srt file</source>
        <translation>.vtt 或 .srt 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language of the subtitles (a BCP 47 tag such as zh-CN)</source>
        <translation>字幕的语言（BCP 47 标签，例如 zh-CN）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times are clip times (from the start of the clip)</source>
        <translation>时间为片段时间（从片段开头算起）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times start at the scene&apos;s in point</source>
        <translation>时间从场景的入点算起</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Times start at the scene&apos;s in point ({seconds} s)</source>
        <translation>时间从场景的入点算起（{seconds} 秒）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale</source>
        <translation>语言区域</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose a .vtt or .srt file</source>
        <translation>请选择 .vtt 或 .srt 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the locale of the subtitles</source>
        <translation>请选择字幕的语言区域</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../../studio/ui/inspector/fields.py" line="+263"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/inspector/forms.py" line="-69"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/inspector/item_forms.py" line="+43"/>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No deposit</source>
        <translation>不存入</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Savings prompt</source>
        <translation>存钱提示</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Product tag</source>
        <translation>商品标签</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/inspector/panel.py" line="+67"/>
        <source>Scene “{title}”</source>
        <translation>场景“{title}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scene &apos;{id}&apos;</source>
        <translation>场景“{id}”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{kind} “{name}”</source>
        <translation>{kind}“{name}”</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/inspector/project_form.py" line="+71"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/inspector/scene_forms.py" line="-200"/>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>{file}  ({seconds} s)</source>
        <translation>{file}（{seconds} 秒）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None (the story stops here)</source>
        <translation>无（故事到此结束）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not an ending</source>
        <translation>不是结局</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ending (good)</source>
        <translation>结局（好）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ending (neutral)</source>
        <translation>结局（中性）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ending (bad)</source>
        <translation>结局（坏）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ending (no kind)</source>
        <translation>结局（未分类）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choice window</source>
        <translation>选择窗口</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../../studio/ui/inspector/panel.py" line="+57"/>
        <source>Item</source>
        <translation>当前项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Select a scene in the graph, or an item on its timeline.</source>
        <translation>在分支图中选择一个场景，或在其时间线上选择一个条目。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <location filename="../../../studio/ui/inspector/fields.py" line="+10"/>
        <source>{code}, {places} decimal places</source>
        <translation>{code}，{places} 位小数</translation>
    </message>
</context>
<context>
    <name>NewVariable</name>
    <message>
        <location filename="../../../studio/ui/inspector/project_form.py" line="+164"/>
        <source>new variable id</source>
        <translation>新变量 ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>+ Variable</source>
        <translation>+ 变量</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&apos;{text}&apos; is not an id: letters, digits, _ . - (starting with a letter, digit or _)</source>
        <translation>“{text}”不是有效的 ID：只能使用字母、数字和 _ . -（以字母、数字或 _ 开头）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>variable &apos;{text}&apos; already exists</source>
        <translation>变量“{text}”已存在</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>type the new variable&apos;s id first</source>
        <translation>请先输入新变量的 ID</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add variable &apos;{id}&apos;</source>
        <translation>添加变量“{id}”</translation>
    </message>
</context>
<context>
    <name>OptionForm</name>
    <message>
        <location filename="../../../studio/ui/inspector/item_forms.py" line="-113"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to</source>
        <translation>跳转到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default (taken when time runs out)</source>
        <translation>默认（时间用完时选中）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Savings deposit</source>
        <translation>存入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Into goal</source>
        <translation>存入目标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the amount on the button</source>
        <translation>在按钮上显示金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown when</source>
        <translation>显示条件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Effects when chosen</source>
        <translation>选中时的效果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hotspot on the video</source>
        <translation>视频上的热区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove option</source>
        <translation>删除选项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>‹ Choice window</source>
        <translation>‹ 选择窗口</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Only an option with a savings deposit has an amount</source>
        <translation>只有设置了存入的选项才有金额</translation>
    </message>
</context>
<context>
    <name>Parsers</name>
    <message>
        <location filename="../../../studio/ui/inspector/condition.py" line="-228"/>
        <location filename="../../../studio/ui/inspector/parsers.py" line="+98"/>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/inspector/effects.py" line="-188"/>
        <source>&apos;{text}&apos; is not true or false</source>
        <translation>“{text}”不是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/inspector/parsers.py" line="-69"/>
        <source>&apos;{text}&apos; is not a whole number of milliseconds</source>
        <translation>“{text}”不是整数毫秒数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>at most 24 hours (86400000 ms)</source>
        <translation>最多 24 小时（86400000 毫秒）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;{text}&apos; is not a whole number</source>
        <translation>“{text}”不是整数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;{text}&apos; is not a number from 0 to 1</source>
        <translation>“{text}”不是 0 到 1 之间的数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{text} is outside 0..1 (a fraction of the video frame)</source>
        <translation>{text} 超出 0..1 范围（应为视频画面的比例）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>must be at least {amount}</source>
        <translation>至少为 {amount}</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../../../studio/ui/inspector/project_form.py" line="-242"/>
        <source>Deposits on replays are real</source>
        <translation>重看时真实存入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A replay (Watch again, Start over) shows the same story. Unchecked (the default) its deposits are simulated: no money moves. Checked: a replay&apos;s deposits go to the host&apos;s wallet like the first playthrough&apos;s.</source>
        <translation>重看（再看一遍、从头开始）播放的是同一个故事。不勾选（默认）时，重看中的存入是模拟的：不会转账。勾选后，重看中的存入会像第一次试玩一样转入宿主应用的钱包。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>int</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bool</source>
        <translation>是/否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>string</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Drama</source>
        <translation>短剧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Locale</source>
        <translation>语言区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aspect</source>
        <translation>画面比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>起始场景</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Savings goals</source>
        <translation>储蓄目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+ Savings goal</source>
        <translation>+ 储蓄目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product catalog</source>
        <translation>商品目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+ Product</source>
        <translation>+ 商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Savings goal</source>
        <translation>储蓄目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Target</source>
        <translation>目标金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most one playthrough may deposit (empty: no cap)</source>
        <translation>一次试玩最多可存入的金额（留空：无上限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove goal</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shop URL</source>
        <translation>店铺链接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>media/serum.jpg (in the project folder)</source>
        <translation>media/serum.jpg（项目文件夹内）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove product</source>
        <translation>删除商品</translation>
    </message>
</context>
<context>
    <name>PromptForm</name>
    <message>
        <location filename="../../../studio/ui/inspector/item_forms.py" line="+24"/>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the video while asking</source>
        <translation>询问时暂停视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effects if accepted</source>
        <translation>接受时的效果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Effects if declined</source>
        <translation>拒绝时的效果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove savings prompt</source>
        <translation>删除存钱提示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>‹ Scene</source>
        <translation>‹ 场景</translation>
    </message>
</context>
<context>
    <name>SceneForm</name>
    <message>
        <location filename="../../../studio/ui/inspector/scene_forms.py" line="-146"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storyboard card (no clip yet)</source>
        <translation>故事板卡片（尚无片段）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card colour</source>
        <translation>卡片颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In</source>
        <translation>入点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>end of clip ({ms})</source>
        <translation>片段结尾（{ms}）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>end of clip</source>
        <translation>片段结尾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out</source>
        <translation>出点</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Start scene</source>
        <translation>起始场景</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ending</source>
        <translation>结局</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The ending card&apos;s title (empty: the player&apos;s own word)</source>
        <translation>结局卡片的标题（留空：使用播放器自带的文字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ending title</source>
        <translation>结局标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A line under the ending card&apos;s title (optional)</source>
        <translation>结局卡片标题下方的一行文字（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ending text</source>
        <translation>结局文字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When this scene ends, play that scene at once, with no choice shown. A scene continues automatically or offers a choice, not both.</source>
        <translation>本场景结束时立即播放该场景，不显示选择。一个场景要么自动继续，要么提供选择，不能两者兼有。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Continue automatically to</source>
        <translation>自动继续到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On enter</source>
        <translation>进入时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed items</source>
        <translation>计时项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choice window  {start} – {end}</source>
        <translation>选择窗口  {start} – {end}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Savings prompt {words}  at {time}</source>
        <translation>存钱提示 {words}  于 {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Product tag {product}  {start} – {end}</source>
        <translation>商品标签 {product}  {start} – {end}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None yet: add them on the timeline at the playhead.</source>
        <translation>暂无：请在时间线上的播放头处添加。</translation>
    </message>
</context>
<context>
    <name>Storyboard</name>
    <message>
        <location filename="../../../studio/ui/inspector/storyboard.py" line="-192"/>
        <source>this scene is no longer a placeholder</source>
        <translation>此场景已不是占位场景</translation>
    </message>
</context>
<context>
    <name>StripLoader</name>
    <message>
        <location filename="../../../studio/ui/timeline/strip.py" line="+71"/>
        <source>clip not found: {path}</source>
        <translation>找不到片段：{path}</translation>
    </message>
</context>
<context>
    <name>SubtitleLane</name>
    <message>
        <location filename="../../../studio/ui/timeline/subtitle_lane.py" line="+34"/>
        <source>Add, import or export subtitles</source>
        <translation>添加、导入或导出字幕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitle actions</source>
        <translation>字幕操作</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subtitles: the locale whose cues are shown and edited (the preview shows it)</source>
        <translation>字幕：显示和编辑哪个语言区域的字幕（预览中也显示该语言）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subtitle locale</source>
        <translation>字幕语言区域</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{count} subtitles</source>
        <translation>{count} 条字幕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 subtitle</source>
        <translation>1 条字幕</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>New subtitle</source>
        <translation>新字幕</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Edit subtitle text…</source>
        <translation>编辑字幕文字…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move playhead here</source>
        <translation>将播放头移到此处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete subtitle</source>
        <translation>删除字幕</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add subtitle at playhead…</source>
        <translation>在播放头处添加字幕…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import subtitles…</source>
        <translation>导入字幕…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export subtitles…</source>
        <translation>导出字幕…</translation>
    </message>
</context>
<context>
    <name>Subtitles</name>
    <message>
        <location filename="../../../studio/ui/timeline/subtitle_files.py" line="-99"/>
        <source>{file}: no subtitles in the file</source>
        <translation>{file}：文件中没有字幕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import subtitles ({locale})</source>
        <translation>导入字幕（{locale}）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export subtitles</source>
        <translation>导出字幕</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/timeline/subtitle_edit.py" line="+99"/>
        <source>Resize subtitle</source>
        <translation>调整字幕长度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move subtitle</source>
        <translation>移动字幕</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit subtitle</source>
        <translation>编辑字幕</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add subtitle</source>
        <translation>添加字幕</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete subtitle</source>
        <translation>删除字幕</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/inspector/tracks_section.py" line="+49"/>
        <source>Remove {locale} subtitles</source>
        <translation>移除 {locale} 字幕</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the project before adding a dub</source>
        <translation>请先保存项目，再添加配音</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add {locale} dub</source>
        <translation>添加 {locale} 配音</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove {locale} dub</source>
        <translation>移除 {locale} 配音</translation>
    </message>
</context>
<context>
    <name>TagForm</name>
    <message>
        <location filename="../../../studio/ui/inspector/item_forms.py" line="+13"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button</source>
        <translation>按钮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hotspot on the video</source>
        <translation>视频上的热区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove product tag</source>
        <translation>删除商品标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>‹ Scene</source>
        <translation>‹ 场景</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../../studio/ui/timeline/drag.py" line="+104"/>
        <source>Trim scene start</source>
        <translation>裁剪场景开头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trim scene end</source>
        <translation>裁剪场景结尾</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move {item}</source>
        <translation>移动 {item}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resize {item}</source>
        <translation>调整 {item} 的长度</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/timeline/geometry.py" line="+195"/>
        <source>Invalid: {reason}</source>
        <translation>无效：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: {reason}</source>
        <translation>警告：{reason}</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/timeline/items.py" line="+44"/>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompts</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Choice (1 option)</source>
        <translation>选择（1 个选项）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choice ({count} options)</source>
        <translation>选择（{count} 个选项）</translation>
    </message>
    <message>
        <location filename="../../../studio/ui/timeline/paint.py" line="+157"/>
        <source>💬 {time}  {author} ({status}): {text}</source>
        <translation>💬 {time}  {author}（{status}）：{text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Storyboard card: no clip yet (Inspector › Give this scene a clip…)</source>
        <translation>故事板卡片：尚无片段（属性 › 为此场景指定片段…）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No clip</source>
        <translation>无片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading thumbnails…</source>
        <translation>正在加载缩略图…</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../../studio/ui/timeline/canvas.py" line="+191"/>
        <source>Nudge {item}</source>
        <translation>微移 {item}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove choice window</source>
        <translation>删除选择窗口</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Remove {item}</source>
        <translation>删除 {item}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Move playhead here</source>
        <translation>将播放头移到此处</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add savings prompt at playhead</source>
        <translation>在播放头处添加存钱提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add product tag at playhead</source>
        <translation>在播放头处添加商品标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add choice window at playhead</source>
        <translation>在播放头处添加选择窗口</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../../studio/ui/timeline/panel.py" line="+81"/>
        <location line="+125"/>
        <source>No scene</source>
        <translation>无场景</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>+ Prompt</source>
        <translation>+ 提示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a savings prompt at the playhead</source>
        <translation>在播放头处添加存钱提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Tag</source>
        <translation>+ 标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a product tag at the playhead</source>
        <translation>在播放头处添加商品标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Choice</source>
        <translation>+ 选择</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the choice window at the playhead</source>
        <translation>在播放头处添加选择窗口</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Snap</source>
        <translation>吸附</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Snap to frames, the playhead and other items (Alt: off)</source>
        <translation>吸附到帧、播放头和其他条目（按住 Alt：关闭吸附）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>缩小（Ctrl+滚轮）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>放大（Ctrl+滚轮）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole clip</source>
        <translation>显示整个片段</translation>
    </message>
    <message>
        <location line="+103"/>
        <source> (+{count} more)</source>
        <translation>（另有 {count} 项）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>trim {start} – {end} at {fps} fps</source>
        <translation>裁剪 {start} – {end}，{fps} fps</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../../studio/ui/timeline/view.py" line="+187"/>
        <source>Select a scene to see its timeline</source>
        <translation>选择一个场景以查看其时间线</translation>
    </message>
</context>
<context>
    <name>TracksSection</name>
    <message>
        <location filename="../../../studio/ui/inspector/tracks_section.py" line="+12"/>
        <source>Subtitles and dubs</source>
        <translation>字幕与配音</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import subtitles…</source>
        <translation>导入字幕…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The locale the dub is for</source>
        <translation>配音所用的语言区域</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add dub…</source>
        <translation>添加配音…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An audio file that replaces the clip&apos;s sound for viewers of the locale</source>
        <translation>为该语言区域的观众替换片段原声的音频文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dubbed audio</source>
        <translation>配音音频</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>1 subtitle</source>
        <translation>1 条字幕</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} subtitles</source>
        <translation>{count} 条字幕</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write these subtitles as .vtt or .srt</source>
        <translation>将这些字幕导出为 .vtt 或 .srt 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Remove the {locale} subtitles</source>
        <translation>移除 {locale} 字幕</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Remove the {locale} dub</source>
        <translation>移除 {locale} 配音</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Choose the locale of the dub</source>
        <translation>请选择配音的语言区域</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add dub</source>
        <translation>添加配音</translation>
    </message>
</context>
<context>
    <name>VariableRow</name>
    <message>
        <location filename="../../../studio/ui/inspector/project_form.py" line="+38"/>
        <source>false</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>true</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Starting value</source>
        <translation>初始值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove variable &apos;{id}&apos;</source>
        <translation>删除变量“{id}”</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <location filename="../../../studio/ui/inspector/effects.py" line="+31"/>
        <source>true</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this effect</source>
        <translation>删除此效果</translation>
    </message>
</context>
<context>
    <name>_RowWidget</name>
    <message>
        <location filename="../../../studio/ui/inspector/condition.py" line="-30"/>
        <source>true</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove this test</source>
        <translation>删除此判断</translation>
    </message>
</context>
</TS>

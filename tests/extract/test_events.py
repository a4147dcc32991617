"""Sentences the team wrote, each testing one construction: (source, target, root)."""

import pytest

from tests.coding import code, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subject with が / は, target with を / に / と
        ("1950年、中国は北朝鮮を支援した。", {("CHN", "PRK", "07")}),
        ("1939年9月、ドイツはポーランドに侵攻した。", {("DEU", "POL", "19")}),
        ("1978年、日本は中国と平和友好条約を締結した。", {("JPN", "CHN", "05")}),
        ("1962年、米国はキューバを海上封鎖した。", {("USA", "CUB", "19")}),
        # light verbs: the object noun codes the event
        ("1980年、米国はソ連に対して穀物の禁輸措置を実施した。", {("USA", "SUN", "16")}),
        ("1985年、米国はソ連と首脳会談を行った。", {("USA", "SUN", "04")}),
        # compounds: one event per actor
        ("1955年、英仏はエジプトを攻撃した。", {("GBR", "EGY", "19"), ("FRA", "EGY", "19")}),
        # coordinated targets: one event per target
        (
            "1940年、ソ連はエストニア、ラトビア、リトアニアを占領した。",
            {("SUN", "EST", "19"), ("SUN", "LVA", "19"), ("SUN", "LTU", "19")},
        ),
        # clause chain: the topic of the last verb is the subject of the first
        ("1968年8月、ソ連はチェコスロバキアに侵攻し、改革を止めた。", {("SUN", "CSK", "19")}),
        # passives: による is the source, the subject is the target
        ("1941年12月、米国は日本によって攻撃された。", {("JPN", "USA", "19")}),
        ("1940年、リトアニアはソ連に併合された。", {("SUN", "LTU", "19")}),
        # nominalised events with による
        ("1979年12月のソ連によるアフガニスタン侵攻は世界を驚かせた。", {("SUN", "AFG", "19")}),
        # unilateral acts keep a null target
        ("1949年、ソ連は最初の核実験を行った。", {("SUN", None, "15")}),
        # a concern addressed to a counterpart, or voiced about its act, is a statement to it
        ("2010年、米国は中国に人権状況への懸念を伝えた。", {("USA", "CHN", "01")}),
        ("2006年、日本は北朝鮮の核実験に懸念を表明した。", {("JPN", "PRK", "01")}),
        ("2016年、韓国は北朝鮮の弾道ミサイル発射に強い懸念を示した。", {("KOR", "PRK", "01")}),
        # an act answering another act is aimed at that act's agent; resolutions are adopted
        (
            "1990年8月のイラクによるクウェート侵攻に対し、国連安全保障理事会は非難決議を採択した。",
            {("IRQ", "KWT", "19"), ("UN", "IRQ", "11")},
        ),
        # AをBだと非難: A is the target even when the parser hangs it on B
        (
            "2022年、ロシアはフィンランドの加盟方針を重大な脅威だと批判した。",
            {("RUS", "FIN", "11")},
        ),
        # a passive with no subject of its own is suffered by the topic of the chain
        (
            "1981年、イスラエルはイラクの原子炉を空爆し、国連安全保障理事会から非難された。",
            {("ISR", "IRQ", "19"), ("UN", "ISR", "11")},
        ),
        # 同国 is not the topic of its own clause, nor an organisation
        ("2010年、北朝鮮は韓国の島を砲撃し、同国の軍は北朝鮮を攻撃した。", {("KOR", "PRK", "19")}),
        ("2014年、ロシアはクリミアを併合し、欧州連合は同国に制裁を科した。", {("EU", "RUS", "16")}),
        # a verb serving as a postposition (を通して) is no clause of its own
        (
            "1942年、米国は英国に対し武器貸与法に基づいて大量の物資を提供した。",
            {("USA", "GBR", "07")},
        ),
        # one's own envoy called home is a recall aimed at the host; another's, a summons
        ("2012年、日本は駐韓大使を引き揚げた。", {("JPN", "KOR", "16")}),
        ("1980年、米国は駐ソ米国大使をモスクワから呼び出した。", {("USA", "SUN", "16")}),
        ("2012年、日本は韓国大使を呼び出した。", {("JPN", "KOR", "11")}),
        # an event noun before の names the measure a light verb takes
        ("1979年、米国はイランに対して資産凍結の措置を取った。", {("USA", "IRN", "16")}),
        # the object of a copular complement (AをBだと非難) is the verb's: its event is coded
        (
            "1998年、米国はインドの核実験を「重大な誤りだ」と非難した。",
            {("USA", "IND", "11"), ("IND", None, "15")},
        ),
        # a promise of aid is an intent (03), not the aid
        ("2023年、日本はウクライナへの追加支援を表明した。", {("JPN", "UKR", "03")}),
        # a killing of many is a mass killing (20)
        ("2022年、ロシア軍はキーウ近郊で多数の民間人を殺害した。", {("RUS", "UKR", "20")}),
        # A および B: both are targets
        (
            "2020年、イスラエルはアラブ首長国連邦およびバーレーンと国交正常化協定に署名した。",
            {("ISR", "ARE", "05"), ("ISR", "BHR", "05")},
        ),
        # the addressee of an appeal may hang on the clause asked for
        (
            "1939年4月、米国はドイツとイタリアに近隣諸国を攻撃しないよう呼びかけた。",
            {("USA", "DEU", "02"), ("USA", "ITA", "02")},
        ),
        # a treaty named after its parties, concluded with no subject
        ("1961年、中朝友好協力相互援助条約が締結された。", {("CHN", "PRK", "05")}),
        ("1939年8月、独ソ不可侵条約が締結された。", {("DEU", "SUN", "05")}),
        # a name joined by an equals sign stays one name for the parser
        ("1918年、ロシアはドイツとブレスト＝リトフスク条約を締結した。", {("RUS", "DEU", "05")}),
        # a measure someone is made subject to (…処分とされた)
        ("1985年、ソ連の外交官らは英国によって国外退去処分とされた。", {("GBR", "SUN", "16")}),
        # an act that needs no counterpart is named by its actor alone
        ("1998年5月のインドの核実験に続き、パキスタンも核実験を行った。", {("IND", None, "15")}),
        # a territory inside the event noun is its target
        ("1967年に始まったイスラエルのシナイ半島占領は長く続いた。", {("ISR", "EGY", "19")}),
        # a passive's agent phrase names whose act it was
        (
            "2020年1月、イランの司令官は米軍の無人機攻撃によって殺害された。",
            {("USA", "IRN", "18")},
        ),
        # a setting (湾岸戦争では) or a count (1度は) is no subject of the predicate's own
        (
            "1991年に勃発した湾岸戦争では、米ソが一致してイラクに対抗した。",
            {("USA", "IRQ", "11"), ("SUN", "IRQ", "11")},
        ),
        # a meeting only tried for is an intent to meet (036)
        ("2023年、米政権は少なくとも1度はクレムリンと対話しようとした。", {("USA", "RUS", "03")}),
        # a measure named by its compound, and the items listed before it
        (
            "1980年、米国はハイテク製品の対ソ輸出停止、ソ連からの輸入停止措置も課した。",
            {("USA", "SUN", "16")},
        ),
        # the addressee of a request may hang on the act requested
        (
            "1941年、ドイツは日本にシンガポールを攻略することを強く要請した。",
            {("DEU", "JPN", "02")},
        ),
        # names run together (flattened links) are still names
        (
            "エストニアラトビアリトアニアバルト三国は1940年にソビエトに占領・併合された。",
            {("SUN", "EST", "19"), ("SUN", "LVA", "19"), ("SUN", "LTU", "19")},
        ),
        # an agent hung on the genitive: the rest of the genitive is the patient
        ("1990年、米国はソ連によるリトアニア独立運動の抑圧を非難した。", {("SUN", "LTU", "17")}),
        # a cleft sentence: who did it is what the sentence ends on
        (
            "ラブロフと会談したのは、外交問題評議会の前会長であるリチャード・ハースであった。",
            {("USA", "RUS", "04")},
        ),
        # an act told as the cause happened, and the answer to it is aimed at its agent
        (
            "1980年、ソ連によるアフガニスタン侵攻により米国は条約の批准を拒否した。",
            {("SUN", "AFG", "19"), ("USA", "SUN", "12")},
        ),
        # an act's subject that names who carries it out (…による活動は終了した)
        ("1923年、米国によるソ連への援助活動は終了した。", {("USA", "SUN", "16")}),
        # setting conditions is a demand, aimed at the addressee, not inside the terms
        (
            "1972年、米国はソ連に北ベトナムへの援助を停止するという条件を提示した。",
            {("USA", "SUN", "10")},
        ),
        # sending troops without fighting is force posture (15)
        ("1918年、米国はシベリアに少数の部隊を派遣した。", {("USA", "RUS", "15")}),
        # the counterpart of a promise may hang on the act promised
        ("1973年、米国はソ連に最恵国待遇を与えることを約束した。", {("USA", "SUN", "03")}),
        # a nominal event's target is marked as a modifier (政権に対する反乱)
        ("2023年、ワグネルによるプーチン政権に対する武装反乱が起きた。", {("RUSREB", "RUS", "19")}),
        # the parties of the act agreed on are the counterparts of the agreement
        (
            "1990年、ソ連は英仏および東西ドイツとの間で会談を行うことで同意した。",
            {
                ("SUN", "GBR", "03"),
                ("SUN", "FRA", "03"),
                ("SUN", "DDR", "03"),
                ("SUN", "DEU", "03"),
            },
        ),
        # a venue is not what 両首脳 points back to
        (
            "2018年、トランプ大統領はシンガポールで金正恩委員長と会談し、両首脳は共同声明に署名した。",
            {("USA", "PRK", "04"), ("USA", "PRK", "05")},
        ),
    ],
)
def test_constructions(pipeline, text, expected):
    assert expected <= triples(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # what a noun is (…に派遣していた技術者) is not an event
        ("1960年、ソ連は中国に派遣していた技術者を引き揚げた。", ("SUN", "CHN", "04")),
        # the subject of an active verb is no light-verb slot
        ("1941年の米国の対日禁輸は日本の政策に影響を与えた。", ("USA", "JPN", "07")),
        # a promise of aid is not the aid
        ("2023年、日本はウクライナへの追加支援を表明した。", ("JPN", "UKR", "07")),
        # what is only suspected is not asserted
        ("2014年、米国はロシアが条約に違反した疑いについて調査した。", ("RUS", "USA", "12")),
        # an act sought (…を確保するため) has not happened
        ("1945年、米国はドイツ軍の降伏を確保するため交渉した。", ("DEU", None, "08")),
        # 終焉を迎えた is no reception, whatever caused it
        ("デタントはソ連のアフガニスタン侵攻により終焉を迎えた。", ("SUN", "AFG", "04")),
        # what follows from a condition, or is deemed unlikely, is not asserted
        ("ドイツが勝っていれば、米国はロシアを助けるべきだ。", ("USA", "RUS", "07")),
        ("1939年、米ソが同盟を結ぶことはあり得ないと思われていた。", ("USA", "SUN", "05")),
        # the subject of a passive is who suffers it, not who acts
        ("戦後、米ソ両国は複雑な決断を迫られた。", ("USA", "SUN", "10")),
        # partners fighting side by side are not each other's target
        ("1941年、米ソ両国は共に連合国側で戦うことになった。", ("USA", "SUN", "19")),
        # a time phrase names no target, whoever it mentions
        ("米国の最初の核実験から4年後の1949年に、ソ連は核実験を行った。", ("SUN", "USA", "15")),
        # an act requested has not happened
        ("1941年、ドイツは日本にシンガポールを攻略することを強く要請した。", ("DEU", "SGP", "19")),
        # an act is not done when the step to it is not taken
        ("1990年、米国はソ連を攻撃する手段を採らなかった。", ("USA", "SUN", "19")),
        # the terms a demand sets (…するという条件) are not acts done
        ("1972年、米国はソ連に援助を停止するという条件を提示した。", ("USA", "SUN", "16")),
        # a plan (方針) is not the act it plans
        ("2022年、ロシアはフィンランドのNATO加盟方針を批判した。", ("FIN", "NATO", "05")),
        # one killed is not a mass killing
        ("2020年、米軍はイランの司令官を殺害した。", ("USA", "IRN", "20")),
    ],
)
def test_not_coded(pipeline, text, absent):
    assert absent not in triples(code(pipeline, text))


def test_joining_a_sanction_is_the_sanction_and_not_joining_it_is_negated(pipeline):
    events = code(pipeline, "2022年、インドは対ロシア制裁に加わらなかった。")
    assert [(e.source, e.target, e.root, e.negated) for e in events] == [("IND", "RUS", "16", True)]


@pytest.mark.parametrize(
    ("text", "when", "source", "target"),
    [
        ("1950年、ロシアは中国と条約を締結した。", "1950", "SUN", "CHN"),
        ("1995年、ロシアは中国と条約を締結した。", "1995", "RUS", "CHN"),
    ],
)
def test_actor_codes_follow_the_event_date(pipeline, text, when, source, target):
    events = code(pipeline, text)
    assert any(e.source == source and e.target == target and e.date == when for e in events)


def test_negation_is_marked_and_left_out_of_asserted(pipeline):
    events = code(pipeline, "1945年、ソ連はポーランドを攻撃しなかった。")
    assert events and all(e.negated for e in events if e.root == "19")
    assert not triples(events)


def test_dates_attach_to_their_own_clause(pipeline):
    events = code(
        pipeline, "1939年9月にソ連がポーランドを占領し、同年11月にはフィンランドを攻撃した。"
    )
    dated = {(e.target, e.date) for e in events}
    assert ("POL", "1939-09") in dated and ("FIN", "1939-11") in dated


def test_offsets_and_provenance(pipeline):
    text = "1933年11月、米国はソ連を承認した。"
    (event,) = [e for e in code(pipeline, text) if e.root == "05"]
    assert text[event.pred_start : event.pred_end] == event.predicate == "承認"
    assert event.code == "054" and event.quad_class == 1 and event.goldstein > 0
    assert event.plover == "SUPPORT" and event.rule.startswith("lex:")


def test_one_event_per_stated_date(pipeline):
    text = "ニクソンとブレジネフは、1972年にモスクワで、1973年にワシントンで首脳会談を行った。"
    dates = sorted(e.date for e in code(pipeline, text) if e.root == "04")
    assert dates == ["1972", "1973"]


def test_a_span_is_not_distributed(pipeline):
    text = "1941年から1945年まで、米国はソ連に援助を行った。"
    events = [e for e in code(pipeline, text) if e.root == "07"]
    assert len(events) == 1


def test_spans_keep_their_range_and_no_date(pipeline):
    events = code(pipeline, "1970年代後半、ソ連はアフガニスタンに侵攻した。")
    (event,) = [e for e in events if e.root == "19"]
    assert event.date is None
    assert (event.date_start, event.date_end) == ("1975", "1979")


def test_each_nominal_event_takes_the_date_of_its_own_phrase(pipeline):
    text = (
        "1941年6月のドイツによるソ連侵攻と、同年12月の日本による真珠湾攻撃により、戦争は拡大した。"
    )
    dated = {(e.source, e.target, e.date) for e in code(pipeline, text) if e.root == "19"}
    assert ("DEU", "SUN", "1941-06") in dated
    assert ("JPN", "USA", "1941-12") in dated


def test_a_warning_of_sanctions_is_a_threat_and_the_sanction_is_not_asserted(pipeline):
    events = code(pipeline, "2018年、米国は中国に対して追加関税を課すと警告した。")
    asserted = {(e.source, e.target, e.root) for e in events if e.mode == "asserted"}
    assert ("USA", "CHN", "13") in asserted
    assert not any(e.root == "16" and e.mode == "asserted" for e in events)


def test_a_phrase_entry_names_its_whole_phrase_as_the_predicate(pipeline):
    events = code(pipeline, "2023年、日本はウクライナへの追加支援を表明した。")
    assert [(e.code, e.predicate) for e in events] == [("033", "追加支援を表明")]


def test_a_date_inside_a_relative_clause_gives_no_event_of_its_own(pipeline):
    # (1981年に就任した describes the president; the meeting is of 1985 alone)
    events = code(pipeline, "1981年に就任した米国の大統領は、1985年にソ連の書記長と会談した。")
    assert {(e.source, e.target, e.root, e.date) for e in events} == {("USA", "SUN", "04", "1985")}

"""Predicate lexicon entries and the light verbs of grammar.yaml: each row a short sentence the
team wrote for one word or construction, with the root code the coding guidelines give it."""

import pytest

from tests.coding import code


def asserted(events):
    return {(e.source, e.target, e.root) for e in events if not e.negated and e.mode == "asserted"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 12: rebutting another's claim rejects it
        ("2006年、中国は日本の主張に反論した。", ("CHN", "JPN", "12")),
        ("1983年、ソ連は米国の非難に反駁した。", ("SUN", "USA", "12")),
        # 11: regret at another's act, expressed as a sentiment (遺憾の意を表明/示す)
        ("2006年、日本政府は北朝鮮のミサイル発射に遺憾の意を表明した。", ("JPN", "PRK", "11")),
        ("2005年、韓国は日本に遺憾の意を示した。", ("KOR", "JPN", "11")),
        # 05: congratulations sent
        ("2008年、米国大統領はロシアの新大統領に祝電を送った。", ("USA", "RUS", "05")),
        ("2009年、中国は日本の首相に祝意を表明した。", ("CHN", "JPN", "05")),
        # 11: summoning another state's envoy, handing a protest
        ("2005年、日本の外務省は韓国大使を召致した。", ("JPN", "KOR", "11")),
        ("2005年、日本政府は韓国大使に抗議文を手渡した。", ("JPN", "KOR", "11")),
        # 11: a state's court sentencing another state's nationals (the court is the state's)
        ("2009年、北朝鮮の裁判所は米国人記者に懲役12年の判決を言い渡した。", ("PRK", "USA", "11")),
        # 17: a state's police detaining another state's nationals
        ("2006年、ロシアの警察は日本人漁船員を拘束した。", ("RUS", "JPN", "17")),
        # 01: sympathy after a disaster
        ("2008年、日本は中国に見舞いの言葉を述べた。", ("JPN", "CHN", "01")),
        # 15: launching a missile is a show of force
        ("2009年、北朝鮮は日本海にミサイルを打ち上げた。", ("PRK", None, "15")),
        # 19: dividing an occupied country among the victors
        ("1945年、米英仏ソはドイツを分割統治した。", ("SUN", "DEU", "19")),
        # 12: retracting a promise or an offer is a rejection, not a concession
        ("2019年、米国はメキシコへの関税免除の約束を撤回した。", ("USA", "MEX", "12")),
        ("1990年、ソ連は日本への経済協力の提案を撤回した。", ("SUN", "JPN", "12")),
        # 17: restrictions imposed, also when notified (a notified measure is the measure)
        ("2020年、中国はオーストラリアに入国制限を通達した。", ("CHN", "AUS", "17")),
        # 04: sending or delivering a letter between leaders (its content is coded apart)
        ("1962年、ケネディは英国の首相に親書を送った。", ("USA", "GBR", "04")),
        ("1975年、ソ連は米国に覚書を送付した。", ("SUN", "USA", "04")),
        ("1962年、フルシチョフはケネディに書簡を寄せた。", ("SUN", "USA", "04")),
        ("1962年、フルシチョフからのケネディ宛ての書簡が届いた。", ("SUN", "USA", "04")),
        # 01: explaining or publishing a position is a statement
        ("2016年、米国は中国に南シナ海の軍事化はしないと説明した。", ("USA", "CHN", "01")),
        # 11: complaining and objecting with a verb of saying
        ("1943年、ソ連は英国に不平を言った。", ("SUN", "GBR", "11")),
        ("1950年、米国はソ連の提案に異議を唱えた。", ("USA", "SUN", "11")),
        # 01: a policy announcement is a statement with no counterpart (unilateral)
        ("1947年3月、米国は新たな外交方針を発表した。", ("USA", None, "01")),
        ("1823年、米国は新たな外交原則を発表した。", ("USA", None, "01")),
        # …a programme of numbered points made public (五か条の綱領を公表) is one too
        ("1955年、インドは平和五か条を公表した。", ("IND", None, "01")),
        ("1990年、日本は外交原則を公表した。", ("JPN", None, "01")),
        # 03: easing tensions is an effort to improve relations, not a concession
        ("1972年、米国はソ連と緊張緩和を進めた。", ("USA", "SUN", "03")),
        # 04: inviting a delegation
        ("2023年、中国はイランの代表団を北京に招いた。", ("CHN", "IRN", "04")),
        # 05: joint communiques, hotlines, appointing an ambassador
        ("1972年、米国は中国と共同コミュニケを発表した。", ("USA", "CHN", "05")),
        ("1963年、米国はソ連とホットラインを設置した。", ("USA", "SUN", "05")),
        ("1933年、米国はブリットを駐ソ大使に任命した。", ("USA", "SUN", "05")),
        # 06: an export licence is material cooperation
        ("2019年、英国はウクライナへの対戦車兵器の輸出を許可した。", ("GBR", "UKR", "06")),
        # 07: contributing funds
        ("2016年、日本は国連に資金を拠出した。", ("JPN", "UN", "07")),
        # 08: easing restrictions
        ("2020年、日本は韓国に対する輸出規制を緩和した。", ("JPN", "KOR", "08")),
        ("1971年、米国は中国に対する禁輸の緩和に踏み切った。", ("USA", "CHN", "08")),
        # 14: a walk-out in protest (Nをする)
        (
            "2012年、イランの代表はネタニヤフ首相の演説中に抗議の退席をした。",
            ("IRN", "ISR", "14"),
        ),
        # 15: a test that succeeded took place (成功 is light)
        ("1998年、北朝鮮は弾道ミサイルの発射実験に成功した。", ("PRK", None, "15")),
        # 16: expulsions, recalls, withdrawing experts, export controls, asset freezes
        ("1987年、英国はソ連の外交官を国外追放した。", ("GBR", "SUN", "16")),
        ("1983年、英国はソ連の外交官3人に国外退去処分を下した。", ("GBR", "SUN", "16")),
        ("2012年、韓国は駐日大使を一時帰国させた。", ("KOR", "JPN", "16")),
        ("1960年、ソ連は中国から技術者を引き揚げた。", ("SUN", "CHN", "16")),
        ("2019年、日本は韓国に対して輸出規制を導入した。", ("JPN", "KOR", "16")),
        ("1980年、米国はイランの資産を凍結した。", ("USA", "IRN", "16")),
        # 18: terrorist attacks
        ("2014年、ハマスはイスラエルに対してテロ攻撃を行った。", ("PSEREB", "ISR", "18")),
        # 19: border walls, firing into a country, returning fire
        ("1962年、東ドイツはベルリンに壁を建設した。", ("DDR", "DEU", "19")),
        ("2006年、ヒズボラはイスラエルにロケット弾を撃ち込んだ。", ("LBNREB", "ISR", "19")),
        ("2010年、北朝鮮は韓国に砲弾を撃ち込み、韓国軍は応射した。", ("KOR", "PRK", "19")),
        # 20: weapons of mass destruction
        ("1945年8月、米国は日本に原子爆弾を投下した。", ("USA", "JPN", "20")),
        ("1988年、イラクはイランに対して化学兵器を使用した。", ("IRQ", "IRN", "20")),
    ],
)
def test_entry_codes_the_sentence(pipeline, text, expected):
    assert expected in asserted(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a puppet government set up in a country is not a diplomatic act toward it
        ("1944年、ソ連はポーランドに共産主義政権を樹立した。", "05"),
        # AをBとする names no act: する is not a light verb
        ("1932年、米国は日本の行動を条約の侵害とした。", "19"),
    ],
)
def test_no_event_of_that_root(pipeline, text, absent):
    assert absent not in {root for _, _, root in asserted(code(pipeline, text))}


def test_readiness_is_not_an_asserted_act(pipeline):
    events = code(pipeline, "2023年、米国はロシアの懸念に応える準備があると述べた。")
    assert all(e.mode != "asserted" for e in events if e.root == "08")


@pytest.mark.parametrize(
    ("entry", "root"),
    [
        ("国外追放", "16"),
        ("国外退去", "16"),
        ("退去処分", "16"),
        ("テロ攻撃", "18"),
        ("原子爆弾投下", "20"),
        ("緊張緩和", "03"),
        ("規制緩和", "08"),
        ("応射", "19"),
        ("公表", "01"),
    ],
)
def test_lookup_root(pipeline, entry, root):
    lexicon = pipeline.coder.knowledge.lexicon
    hit = lexicon.lookup(entry, entry)
    assert hit is not None and hit.code[:2] == root


@pytest.mark.parametrize(
    ("phrase", "root"),
    [
        ("戦闘機の輸出を許可", "06"),  # the object picks the sense of the verb
        ("駐韓大使を一時帰国", "16"),
        ("技術者を引き揚げる", "16"),
        ("ミサイルを撃ち込む", "19"),
        ("壁を建設", "19"),
        ("原爆を投下", "20"),
        ("抗議の退席をする", "14"),
    ],
)
def test_object_verb_lookup(pipeline, phrase, root):
    hit = pipeline.coder.knowledge.lexicon.lookup_exact_suffix(phrase)
    assert hit is not None and hit.code[:2] == root

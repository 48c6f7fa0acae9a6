"""Word classes that carry meaning across wordings: what a consequence is, what frames a
condition, what denies, dismisses or belittles.

Cue phrases name one wording each; these classes name the idea, so that "your boss",
"the folks at your job" and "HR" all read as *work*, and "it'd be a pity", "I'd hate
for" and "you don't want that" all read as a *veiled* framing. The threat reading
(``threats.py``) composes them (a consequence under a condition or a veiled framing,
not denied), and the learned layer sees them as features (``k:class``), which is how
it generalises to voices it was not trained on.

The lists are written from how collection calls go and from the FDCPA's own examples
(15 U.S.C. 1692d-e, 12 CFR 1006.14, 1006.18), not from any evaluation data. Each entry
is a regular expression over lower-cased text with straight apostrophes; word
boundaries are added around it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from simulator.rxcache import compile as rx

CLASSES: dict[str, tuple[str, ...]] = {
    # --- consequences a collector may not threaten ----------------------------------
    "legal": (
        r"sue[ds]?", r"suing", r"lawsuits?", r"court(?:house|room)?", r"judges?", r"judg(?:e)?ments?",
        r"legal(?:\s+(?:action|route|department|team|proceedings|steps|process))?",
        r"litigat\w*", r"summons", r"subpoena\w*", r"served\s+(?:with\s+)?papers", r"papers\s+served",
        r"sheriffs?", r"marshals?", r"warrants?", r"arrest(?:ed|ing)?", r"jail", r"prison",
        r"locked\s+up", r"police", r"cops?", r"handcuffs", r"criminal(?:ly)?", r"prosecut\w*",
        r"fraud\s+charges?", r"charges?\s+(?:filed|pressed)", r"press\s+charges", r"d\.?a\.?",
        r"attorneys?", r"lawyers?", r"law\s+firm", r"collections?\s+attorney", r"guy\s+in\s+a\s+robe",
        r"small\s+claims", r"default\s+judg(?:e)?ment", r"courthouse", r"county\s+records?",
        r"public\s+records?", r"(?:a|the)\s+robe", r"paperwork\s+and\s+a", r"in\s+front\s+of\s+(?:a|the|him|her)",
    ),
    "seizure": (
        r"garnish\w*", r"wages?", r"paychecks?", r"levy", r"levied", r"seiz\w*", r"repossess\w*",
        r"repo(?:ed|'d)?", r"tow(?:ed|\s+truck)?", r"liens?", r"freez\w*\s+(?:your\s+)?(?:bank\s+)?accounts?",
        r"take\s+your\s+(?:car|house|home|truck|property|stuff|things|tax\s+refund|refund)",
        r"your\s+(?:car|house|home|truck|property|belongings|assets|tax\s+refund|vehicle|boat|savings)",
        r"(?:car|truck|vehicle)\s+in\s+(?:that|the|your)\s+driveway", r"(?:comes?|came)\s+up\s+(?:a\s+little\s+)?light",
    ),
    "people": (
        r"employers?", r"boss(?:es)?", r"supervisors?", r"manager", r"h\.?r\.?", r"human\s+resources",
        r"(?:your|the)\s+(?:job|work|workplace|office|company|shift)", r"co-?workers?", r"colleagues?",
        r"landlord", r"property\s+manager", r"neighbou?rs?", r"family", r"relatives",
        r"(?:your|his|her)\s+(?:wife|husband|spouse|partner|kids?|children|son|daughter|mom|mother|"
        r"dad|father|parents|sister|brother|pastor|church|friends)", r"church", r"everyone\s+you\s+know",
        r"people\s+(?:talk|will\s+(?:know|find\s+out|hear))", r"word\s+(?:gets|travels|will\s+get)\s+around",
        r"small\s+town", r"the\s+whole\s+(?:town|street|block|neighbou?rhood)", r"commanding\s+officer",
        r"chain\s+of\s+command", r"references?", r"listed\s+as\s+(?:a|an)", r"contacts?\s+on\s+(?:the\s+)?(?:file|account)",
        r"(?:mother|father|sister|brother|wife|husband|kids|children|son|daughter|mom|dad|parents|grandmother|"
        r"grandma|in-laws?)", r"(?:their|your|the)\s+school", r"word\s+gets?\s+(?:a)?round", r"between\s+(?:us|you\s+and\s+me)",
        r"(?:new|current)\s+job", r"the\s+house", r"calls?\s+(?:coming\s+)?to\s+the\s+house",
    ),
    "credit": (
        r"credit(?:\s+(?:score|report|rating|history|file|bureaus?|agencies))?", r"bureaus?",
        r"experian", r"equifax", r"transunion", r"mortgage", r"(?:car|home|auto)\s+loan",
        r"(?:rent|lease)\s+(?:an?\s+)?(?:apartment|place)", r"follow\s+you\s+for\s+(?:years|seven\s+years)",
    ),
    "escalate": (
        r"escalat\w*", r"take\s+(?:this|it|things|matters)\s+(?:further|to\s+the\s+next\s+(?:level|step))",
        r"next\s+level", r"further\s+(?:action|steps|measures)", r"refer(?:red|ral)?\s+(?:it\s+|this\s+|you\s+)?"
        r"(?:to|for|out|on|over)", r"hand(?:ed)?\s+(?:it|this|you)\s+(?:over|off)", r"out\s+of\s+my\s+hands",
        r"(?:other|another|different)\s+(?:department|team|people|route)", r"field\s+(?:agent|visit|team)",
        r"(?:come|comes|coming|show\s+up|stop\s+by|knock\w*)\s+(?:to|at|by|on)\s+(?:your|the)\s+"
        r"(?:door|house|home|place|work|job)", r"pay\s+(?:you\s+)?a\s+visit", r"the\s+hard\s+way",
        r"(?:get|gets|getting|be|become)\s+(?:ugly|messy|complicated|serious|worse|nasty|expensive|harder)",
        r"(?:consequences|repercussions)", r"(?:won't|will\s+not)\s+be\s+(?:as\s+)?(?:nice|friendly|pleasant)",
        r"friendly\s+(?:version|call|reminder)", r"last\s+(?:friendly|courtesy|polite)\s+call",
        r"upstairs", r"much\s+further", r"stop\s+being\s+(?:the\s+|so\s+)?(?:nice|friendly|patient)", r"uglier",
        r"(?:patience|my\s+patience)\s+(?:runs?|is\s+running|wears?)\s+(?:out|thin)", r"somewhere\s+(?:else|with)",
        r"a\s+lot\s+more\s+paperwork",
    ),
    # --- framings --------------------------------------------------------------------
    "condition": (
        r"if", r"unless", r"or\s+else", r"otherwise", r"or\s+(?:we|they|you|i|it|this|that|things)",
        r"before\s+(?:it|this|things|we|they|someone)", r"until", r"once\s+(?:it|this)", r"should\s+you\s+(?:not|fail)",
        r"failure\s+to", r"in\s+the\s+event", r"(?:don't|do\s+not|can't)\s+(?:pay|settle|resolve|sort)",
    ),
    "veiled": (
        r"(?:be|it'd\s+be|it\s+would\s+be|would\s+be)\s+(?:a\s+)?(?:shame|pity|terrible|awful|a\s+shame)",
        r"shame\s+if", r"pity\s+if", r"(?:i'd|i\s+would)\s+hate\s+(?:for|to|if)", r"hate\s+to\s+see",
        r"(?:you|nobody|no\s+one)\s+(?:don't|doesn't|wouldn't)\s+want", r"you\s+(?:don't|do\s+not|wouldn't)\s+"
        r"want\s+(?:that|this|to\s+find\s+out|to\s+see|them)", r"wouldn't\s+want", r"imagine\s+(?:if|how|what)",
        r"how\s+(?:would|will)\s+(?:it|that)\s+look", r"what\s+(?:would|will)\s+(?:they|your\s+\w+)\s+think",
        r"just\s+saying", r"i'm\s+just\s+saying", r"things\s+(?:could|can|might|will)\s+(?:get|go|happen)",
        r"(?:you|we)\s+never\s+know", r"accidents\s+happen", r"funny\s+how\s+(?:things|word|news)",
        r"be\s+a\s+(?:real\s+)?(?:problem|issue)\s+for\s+you", r"not\s+(?:a\s+)?good\s+look",
        r"(?:for\s+your|in\s+your)\s+(?:own\s+)?(?:sake|best\s+interest)", r"sleep\s+(?:well|at\s+night)",
        r"while\s+you\s+(?:still\s+)?can", r"(?:could|might|may|can)\s+(?:affect|impact|hurt|reach|get\s+back\s+to|"
        r"find\s+(?:out|its\s+way)|end\s+up)",
        r"hate\s+(?:for|to|if)", r"(?:i|we)(?:\s+would|'d)\s+(?:really\s+|much\s+)?(?:rather|prefer)\s+not",
        r"word\s+(?:gets|travels|will\s+get)\s+(?:a)?round", r"people\s+talk", r"small\s+town", r"(?:be|stay)\s+careful",
        r"(?:something\s+)?(?:for\s+you\s+)?to\s+think\s+about", r"have\s+a\s+(?:think|good\s+think)",
        r"if\s+i\s+(?:were|was)\s+you", r"in\s+your\s+shoes", r"(?:i|you)\s+know\s+which\s+(?:one|way)",
        r"(?:can't|cannot)\s+(?:promise|guarantee)", r"(?:i'm|i\s+am)\s+sure\s+(?:she|he|they)(?:'d|\s+would)\s+"
        r"(?:want|like|love)\s+to\s+(?:know|hear)", r"(?:take|takes)\s+a\s+dim\s+view", r"don't\s+be\s+(?:one\s+of\s+)?"
        r"(?:those|some)", r"follow\s+you", r"wouldn't\s+take\s+much", r"anything\s+(?:to\s+)?happen",
        r"(?:i'll|i\s+will)\s+just\s+say\s+that", r"nice\s+guy", r"out\s+of\s+my\s+hands", r"your\s+call",
        r"(?:i'd|i\s+would)\s+(?:clean|sort|fix|settle|pay)\s+(?:this|it|that)", r"no\s+choice\s+but",
        r"(?:i'd|i\s+would)\s+hate",
    ),
    "future": (
        r"will", r"'ll", r"going\s+to", r"gonna", r"(?:may|might|could|would)\s+(?:have|need)\s+to",
        r"have\s+to", r"next\s+(?:step|thing)", r"(?:may|might|could)", r"would", r"about\s+to",
        r"start(?:ing)?\s+(?:to|the\s+process)", r"(?:be|are|is)\s+(?:contacting|calling|reaching|reporting|"
        r"filing|sending|moving|referring|passing)",
    ),
    "denial": (
        r"not\s+(?:going\s+to|gonna|gon|allowed|able|permitted|something\s+we|how\s+(?:this|it)\s+works)",
        r"(?:won't|will\s+not|wouldn't|cannot|can't|don't|do\s+not|never|isn't|aren't)\s+"
        r"(?:\w+\s+){0,2}(?:sue|suing|arrest\w*|jail|contact\w*|call\w*|tell\w*|report\w*|garnish\w*|seiz\w*|"
        r"tak\w*|happen\w*|com\w*|visit\w*|send\w*|threaten\w*|involv\w*|do\s+that|discuss\w*|reach\w*)", r"no(?:body|\s+one)\s+(?:is|will|'s|can)", r"no\s+intention",
        r"(?:there's|there\s+is)\s+no\s+(?:arrest|jail|lawsuit|court|warrant|police|suit)",
        r"(?:you|nobody)\s+(?:can't|cannot|won't)\s+(?:be\s+)?(?:arrested|jailed|go\s+to\s+jail)",
        r"not\s+a\s+crime", r"isn't\s+a\s+crime", r"we\s+don't\s+do\s+that", r"that's\s+not\s+(?:how|something)",
        r"i\s+(?:can't|cannot)\s+(?:say|tell\s+you|predict|promise|speak\s+for)", r"not\s+up\s+to\s+me",
        r"no\s+decision\s+(?:has\s+been|was)\s+made", r"i\s+don't\s+know\s+what\s+(?:the\s+creditor|they)\s+will",
        r"(?:can't|cannot|won't|will\s+not|isn't|is\s+not)\s+be(?:ing)?\s+(?:\w+\s+)?(?:garnished|reported|sued|seized|"
        r"taken|arrested|contacted|told|touched|used|listed|filed)", r"protected\s+from", r"statute\s+of\s+limitations",
        r"time[\s-]barred", r"past\s+the\s+(?:time\s+limit|reporting\s+period|statute)", r"not\s+(?:a\s+)?(?:crime|criminal)",
        r"civil\s+(?:debt|matter)", r"not\s+(?:allowed|permitted)", r"nothing\s+(?:you\s+need\s+)?to\s+worry",
        r"not\s+something\s+you\s+need\s+to\s+worry", r"i\s+don't\s+(?:know|control|decide)",
        r"(?:ain't|isn't|is\s+not|not)\s+(?:my|our)\s+(?:call|decision)", r"you\s+have\s+my\s+word",
        r"(?:we're|we\s+are)\s+(?:a\s+collection\s+agency|not\s+the\s+(?:lender|court))", r"(?:would|will)\s+need\s+a\s+court",
    ),
    "rights": (
        r"(?:your|the)\s+right\s+to", r"you\s+have\s+(?:the\s+)?(?:right|rights|option)", r"dispute\w*",
        r"validat\w*", r"verif(?:y|ication)\s+(?:of\s+)?(?:the\s+)?debt", r"in\s+writing", r"within\s+(?:thirty|30)\s+days",
        r"stop\s+(?:calling|contacting)", r"cease", r"consumer\s+financial\s+protection", r"cfpb", r"regulation\s+f",
        r"fair\s+debt", r"legal\s+advice", r"(?:talk|speak)\s+(?:to|with)\s+(?:a|an|your\s+own)\s+(?:lawyer|attorney|counselor)",
    ),
    # --- how the trainee treats the debtor ---------------------------------------------
    "insult": (
        r"idiots?", r"stupid\w*", r"dumb\w*", r"morons?", r"clueless", r"pathetic", r"lazy", r"deadbeats?",
        r"losers?", r"useless", r"worthless", r"incompetent", r"ignorant", r"fools?", r"foolish", r"clowns?",
        r"imbeciles?", r"dense", r"thick", r"dim", r"slow\s+(?:one|learner)", r"brain(?:s|less)?", r"genius",
        r"einstein", r"grow\s+up", r"shut\s+up", r"get\s+a\s+(?:grip|clue|life|job)",
        r"people\s+like\s+you", r"your\s+kind", r"you\s+people", r"trash", r"garbage", r"(?:a|such\s+a)\s+joke",
        r"liars?", r"lying", r"cheat\w*", r"leech\w*", r"freeloader\w*", r"bum", r"scum\w*", r"embarrass(?:ing|ment)",
        r"shameful", r"disgrace\w*", r"waste\s+of\s+(?:space|air|time)",
    ),
    "condescend": (
        r"sweetie", r"sweetheart", r"honey", r"hon", r"princess", r"buddy", r"pal", r"champ", r"kiddo", r"dear",
        r"small(?:er)?\s+words", r"(?:say|explain|spell|go\s+over)\s+(?:it|this|that)\s+(?:out\s+)?(?:slowly|again|for\s+you)",
        r"(?:nice\s+and\s+|real\s+|very\s+)?slow(?:ly)?", r"crayons?", r"kindergarten", r"child(?:ish|ren)?", r"like\s+a\s+(?:child|kid|baby)",
        r"(?:even|can)\s+you\s+(?:even\s+)?(?:read|count|understand|follow|add)", r"do\s+you\s+(?:even|actually)",
        r"how\s+hard\s+(?:is|can)\s+it", r"not\s+rocket\s+science", r"simple\s+(?:enough|concept|math|maths)",
        r"(?:let\s+me|i'll)\s+(?:make\s+(?:it|this)\s+)?(?:simple|easy|clear)\s+for\s+you", r"follow\s+(?:me|along)",
        r"(?:you\s+)?(?:understand|get\s+it|following)\s*\?", r"(?:is\s+that|was\s+that)\s+(?:clear|too\s+hard|so\s+hard)",
        r"obviously", r"clearly", r"(?:as|like)\s+i\s+(?:said|told\s+you)", r"(?:for\s+the\s+)?(?:third|fourth|hundredth|last)\s+time",
        r"again\s*[.?!]", r"\bokay\?", r"basic",
    ),
    "dismiss": (
        r"(?:sob\s+)?stor(?:y|ies)", r"excuses?", r"don't\s+care", r"not\s+(?:my|our)\s+(?:problem|concern|business)",
        r"whatever", r"heard\s+(?:it\s+all|every|that\s+one|them\s+all)", r"save\s+it", r"spare\s+me", r"skip",
        r"cut\s+(?:to|you\s+off|in)", r"get\s+to\s+the\s+point", r"(?:let\s+me\s+)?stop\s+you", r"hold\s+(?:on|up|it)",
        r"(?:i|we)\s+don't\s+need\s+(?:to\s+(?:hear|know)|the|your|all)", r"not\s+here\s+to\s+(?:listen|hear|chat|talk)",
        r"bottom\s+line", r"(?:lot|lots|bunch|ton|stack|pile)\s+of\s+(?:calls|accounts|people)", r"(?:don't|do\s+not)\s+have\s+"
        r"(?:all\s+day|time)", r"(?:waste|wasting)\s+(?:my|our)\s+time", r"moving\s+on", r"anyway", r"enough",
        r"(?:yeah\s+)?yeah\s+yeah", r"uh-?huh", r"sure\s+sure", r"okay\s+okay", r"irrelevant", r"doesn't\s+matter",
        r"not\s+interested\s+in", r"(?:i|we)\s+(?:get|got)\s+it", r"long\s+story\s+short", r"quickly", r"real\s+quick",
        r"don't\s+(?:want|need)\s+to\s+hear", r"life\s+story", r"(?:not|n't)\s+(?:a|the)\s+(?:therapist|counsellor|counselor)",
        r"everyone\s+(?:has|'s\s+got)\s+(?:a|problems)", r"we\s+all\s+have",
    ),
    "urgency": (
        r"today", r"tonight", r"right\s+now", r"now", r"immediately", r"right\s+away", r"asap", r"end\s+of\s+(?:the\s+)?day",
        r"by\s+(?:noon|tomorrow|friday|five|5|close\s+of\s+business)", r"within\s+the\s+hour", r"this\s+(?:call|minute|second)",
        r"last\s+chance", r"final\s+(?:chance|notice|warning|offer|call)", r"deadline", r"no\s+later\s+than",
        r"(?:one|only)\s+chance", r"before\s+i\s+hang\s+up", r"clock\s+is\s+ticking", r"(?:time|offer)\s+(?:runs|is\s+running)\s+out",
        r"now\s+or\s+never", r"take\s+it\s+or\s+leave\s+it",
    ),
    "demand": (
        r"(?:i|we)\s+need\s+(?:you\s+to|the|a|it|payment|money)", r"you\s+(?:need|have|got)\s+to", r"you\s+must",
        r"you(?:'d|\s+had)?\s+better", r"pay\s+(?:it|this|up|what|the|me|us|now|today)", r"you\s+owe",
        r"i\s+(?:expect|want|demand|require)", r"make\s+it\s+happen", r"(?:just|simply)\s+pay", r"no\s+more\s+(?:excuses|delays)",
        r"(?:what's|what\s+is)\s+stopping\s+you", r"(?:commit|decide)\s+(?:now|today|right\s+now)", r"(?:yes|yes\s+or\s+no)\s*\?",
        r"are\s+you\s+(?:going\s+to|gonna)\s+pay", r"i'm\s+not\s+(?:asking|going\s+to\s+ask)\s+again",
    ),
    "guilt": (
        r"you\s+(?:made\s+a\s+)?promis\w*", r"responsible\s+adults?", r"(?:other|honest|decent)\s+people\s+pay",
        r"how\s+(?:would|do)\s+you\s+feel", r"(?:aren't|are\s+n't)\s+you\s+(?:ashamed|embarrassed)",
        r"should\s+be\s+(?:ashamed|embarrassed)", r"doesn't\s+(?:that|it)\s+bother\s+you", r"don't\s+you\s+care",
        r"your\s+(?:kids|children|family)\s+(?:deserve|would)", r"(?:gone|went)\s+out\s+on\s+a\s+limb",
        r"after\s+(?:all|everything)\s+(?:i've|we've|i\s+have|we\s+have)\s+done", r"let\s+(?:me|us)\s+down",
        r"(?:i'm|i\s+am)\s+(?:really\s+)?disappointed", r"(?:trying|tried)\s+(?:so\s+hard\s+)?to\s+help\s+you",
        r"do\s+the\s+right\s+thing", r"(?:own|take)\s+(?:up\s+to\s+)?(?:it|responsibility)", r"your\s+(?:responsibility|obligation)",
        r"you\s+signed", r"you\s+(?:chose|decided)\s+to", r"nobody\s+forced\s+you",
    ),
    "sarcasm": (
        r"must\s+be\s+nice", r"oh\s+(?:sure|really|wow|great|right|please|yes|of\s+course|i\s+see|how)",
        r"yeah\s+right", r"sure\s+(?:you\s+(?:will|did|are|do|can)|it\s+is|thing)", r"right,?\s+(?:and|because)",
        r"congrat\w*", r"bless\s+your\s+heart", r"i'm\s+sure\s+(?:you|it|that)", r"(?:how|very)\s+convenient",
        r"nice\s+try", r"good\s+for\s+you", r"shocker", r"surprise,?\s+surprise", r"what\s+a\s+(?:surprise|shock)",
        r"of\s+course\s+(?:you|it)", r"let\s+me\s+guess", r"funny\s+how", r"amazing\s+how", r"(?:wow|gee|golly)",
        r"cheque'?s?\s+in\s+the\s+mail", r"check'?s?\s+in\s+the\s+mail", r"dog\s+ate", r"(?:thanks|thank\s+you)\s+"
        r"(?:so\s+much\s+)?for\s+(?:gracing|finally|nothing|wasting)", r"(?:gracing|grace)\s+(?:us|me)",
        r"living\s+the\s+dream", r"(?:must|i\s+bet|sounds)\s+(?:be\s+)?(?:fun|lovely|nice|great)",
        r"(?:real|really)\s+(?:mature|responsible|smart)", r"brilliant", r"bravo", r"genius\s+(?:move|plan|idea)",
        r"tough\s+life", r"poor\s+(?:you|thing|baby)", r"boo[\s-]?hoo", r"cry\s+me\s+a\s+river", r"world'?s\s+smallest\s+violin",
    ),
    "luxury": (
        r"vacations?", r"holidays?", r"cruises?", r"trips?", r"iphones?", r"new\s+(?:phone|car|tv|shoes|truck)",
        r"nails", r"tattoos?", r"concerts?", r"bars?", r"drinks?", r"beer", r"cigarettes", r"smokes", r"takeout", r"eating\s+out",
        r"starbucks", r"netflix", r"gaming", r"casino", r"lottery", r"designer", r"fancy",
    ),
    "ack": (
        r"(?:i|we)\s+(?:completely\s+|totally\s+|really\s+|do\s+)?(?:understand|get\s+(?:it|that|you)|hear\s+you|see\s+(?:that|what|where|why))",
        r"(?:that|it)\s+makes\s+(?:\w+\s+)?sense", r"(?:i'm|i\s+am|so)\s+sorry", r"sorry\s+(?:to\s+hear|about|for)",
        r"(?:that|it)(?:'s|\s+is|\s+sounds|\s+must\s+be|\s+must\s+have\s+been)\s+(?:\w+\s+)?(?:hard|tough|rough|difficult|"
        r"stressful|scary|frustrating|overwhelming|a\s+lot|awful|painful|heavy)", r"no\s+wonder", r"i\s+can\s+(?:only\s+)?imagine",
        r"(?:thanks|thank\s+you)\s+for\s+(?:telling|sharing|being\s+(?:honest|open|upfront))", r"appreciate\s+you\s+(?:telling|sharing|being)",
        r"(?:you're|you\s+are)\s+not\s+(?:alone|the\s+only)", r"happens\s+to\s+(?:a\s+lot\s+of|many|lots\s+of)", r"nothing\s+to\s+be\s+ashamed",
        r"(?:see|understand)\s+where\s+you're\s+coming\s+from", r"fair\s+enough", r"(?:totally|completely)\s+(?:fair|understandable)",
        r"understandabl[ey]", r"(?:of\s+course|absolutely)", r"take\s+your\s+time", r"no\s+(?:rush|pressure|judg(?:e)?ment)",
    ),
    "offer_deadline": (
        r"(?:valid|good|available|open|stands?|holds?)\s+(?:until|till|through|for)", r"expires?", r"as\s+long\s+as",
        r"(?:if|when|once)\s+(?:it's|it\s+is|the\s+payment\s+is|you\s+pay|paid)\s+(?:\w+\s+){0,2}(?:by|before|within)",
        r"by\s+the\s+(?:\d+\w*|end|first|fifteenth|thirtieth)", r"within\s+\w+\s+(?:days|weeks)",
    ),
}

#: Pairs of classes whose meeting in one sentence is itself a feature: how the
#: learned layer reads composition (a consequence *under* a condition) rather than words.
PAIRS: tuple[tuple[str, str], ...] = (
    ("legal", "condition"), ("legal", "veiled"), ("legal", "future"), ("legal", "denial"),
    ("seizure", "condition"), ("seizure", "veiled"), ("seizure", "future"), ("seizure", "denial"),
    ("people", "condition"), ("people", "veiled"), ("people", "future"), ("people", "denial"),
    ("credit", "condition"), ("credit", "veiled"), ("credit", "future"), ("credit", "denial"),
    ("escalate", "condition"), ("escalate", "veiled"), ("escalate", "future"), ("escalate", "denial"),
    ("urgency", "demand"), ("urgency", "offer_deadline"), ("dismiss", "insult"), ("sarcasm", "insult"),
    ("sarcasm", "luxury"), ("condescend", "insult"), ("dismiss", "urgency"), ("guilt", "demand"),
    ("rights", "denial"), ("ack", "demand"),
)
CONSEQUENCES: frozenset[str] = frozenset({"legal", "seizure", "people", "credit", "escalate"})


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    # A class word may carry a possessive ("your mother's", "the sheriff's office").
    return {name: rx(r"(?<![\w'])(?:" + "|".join(items) + r")(?:'s)?(?![\w'])")
            for name, items in CLASSES.items()}


def lower(text: str) -> str:
    """Text as the classes read it: lower case, straight apostrophes (same length)."""
    return text.lower().replace("’", "'").replace("‘", "'")


@lru_cache(maxsize=512)
def classes_in(low: str) -> dict[str, re.Match[str]]:
    """The classes present in lower-cased text, each with its first match (for evidence).
    Cached: the threat reading and the features read the same sentences."""
    out: dict[str, re.Match[str]] = {}
    for name, pattern in _compiled().items():
        m = pattern.search(low)
        if m:
            out[name] = m
    return out

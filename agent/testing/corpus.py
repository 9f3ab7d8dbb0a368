"""The real-error corpus: load ``tests/corpus/*.jsonl``, validate it, replay it through the real SDKs.

Each line is one error shape a real provider or server sent, with its source URL and the label a
careful operator would choose (the format is documented in ``tests/corpus/README.md``). The 154
HTTP shapes and 22 soft shapes of ``error_shapes.py`` are offered in the same form by
``builtin_entries()`` so reports count them too.

Replay (``replay``) is as close to production as the entry allows:

- ``http``: the real ``openai``/``anthropic`` client receives that status, body and headers and
  raises what it raises in production (``sdk_errors.exception_from_http``);
- ``message``: see ``sdk_errors.exception_from_message``: SDK transport errors are raised by a
  real client whose transport raises the real ``httpx`` exception; SDK status classes (LiteLLM's
  subclass them) are built as wrapping libraries build them; builtins are the real builtins;
  anything else (botocore, google-genai, gRPC...) is a plain exception carrying the real class
  name and text, because those are all the classifier reads of them;
- ``soft``: a 200 body is parsed by the real client (``response_from_http``); an SSE event is
  streamed through the real client (``sdk_errors.outcome_from_event``), which either raises (an
  error event) or yields the event the loop would classify.

An error no rule reads is read by a gram model of the labelled errors (``agent._gram_model``), trained on the
corpus files themselves; ``replay`` therefore reads each entry with the model of its file's fold
(``tests/corpus/gram_folds/``, trained without the files of that fold, ``fold_of``), so no entry is ever decided by
its own file's labels.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from .._gram_model import GramModel, TextReader
from .._gram_model import shipped as shipped_grams
from .._soft import soft_facts
from .._taxonomy import REASON_POLICY, Action, FailoverReason, Scope
from .._word_model import NO_MODEL, words
from ..error_classifier import ClassifiedError, _annotate, classify_api_error, classify_soft_failure, explain_api_error
from .error_shapes import SHAPES, SOFT_SHAPES
from .sdk_errors import exception_from_http, exception_from_message, outcome_from_event, response_from_http

__all__ = [
    "FLAGS",
    "PROVIDERS",
    "UNSEEN",
    "CorpusEntry",
    "CorpusError",
    "all_entries",
    "builtin_entries",
    "classify_prepared",
    "default_dir",
    "expected_flags",
    "file_of",
    "fold_of",
    "labelled_texts",
    "labelled_words",
    "load",
    "model_without",
    "observed_flags",
    "prepare",
    "read_text",
    "replay",
    "unknown_readings",
    "verdict_holds",
]

Kind = Literal["http", "message", "soft"]
HttpApi = Literal["openai", "anthropic", "azure", "bedrock", "vertex"]
FLAGS: Final = ("retryable", "rotate", "fallback", "compress")
_KINDS: Final = ("http", "message", "soft")
_SOFT_KINDS: Final = ("chat", "responses", "messages", "event")
# which official client receives an http entry: the plain two, or a cloud host's own client
_HTTP_APIS: Final[dict[str, HttpApi]] = {"openai": "openai", "anthropic": "anthropic", "azure": "azure",
                                         "bedrock": "bedrock", "vertex": "vertex"}
_SOFT_API: Final[dict[str, Literal["openai", "anthropic", "responses"]]] = {
    "chat": "openai", "responses": "responses", "messages": "anthropic"}
PROVIDERS: Final = frozenset((
    "openai", "azure", "anthropic", "bedrock", "vertex", "gemini", "openrouter", "deepseek", "xai", "mistral",
    "groq", "together", "fireworks", "cerebras", "perplexity", "cohere", "moonshot", "zhipu", "qwen", "minimax",
    "codex", "vllm", "llamacpp", "ollama", "tgi", "lmstudio", "litellm", "cliproxyapi", "other"))


UNSEEN: Final = ("holdout24.jsonl", "holdout25.jsonl", "holdout26.jsonl", "holdout27.jsonl", "holdout29.jsonl",
                  "holdout30.jsonl", "holdout32.jsonl", "holdout33.jsonl", "holdout34.jsonl", "holdout35.jsonl",
                  "holdout36.jsonl", "holdout37.jsonl", "holdout38.jsonl", "holdout39.jsonl", "holdout40.jsonl",
                  "holdout41.jsonl", "holdout42.jsonl", "holdout43.jsonl", "holdout44.jsonl", "holdout45.jsonl",
                  "holdout46.jsonl", "holdout47.jsonl", "holdout48.jsonl", "holdout49.jsonl", "holdout50.jsonl",
                  "holdout51.jsonl", "holdout52.jsonl", "holdout53.jsonl", "holdout54.jsonl", "holdout55.jsonl",
                  "holdout56.jsonl", "holdout57.jsonl", "holdout58.jsonl", "holdout59.jsonl", "holdout60.jsonl",
                  "holdout61.jsonl", "holdout62.jsonl", "holdout63.jsonl", "holdout64.jsonl", "holdout65.jsonl",
                  "holdout66.jsonl", "holdout67.jsonl", "holdout68.jsonl", "holdout69.jsonl", "holdout70.jsonl",
                  "holdout71.jsonl", "holdout72.jsonl", "holdout73.jsonl", "holdout74.jsonl",
                  "holdout75.jsonl", "holdout76.jsonl", "holdout77.jsonl", "holdout78.jsonl", "holdout79.jsonl",
                  "holdout80.jsonl", "holdout81.jsonl", "holdout82.jsonl", "holdout83.jsonl", "holdout84.jsonl",
                  "holdout85.jsonl", "holdout86.jsonl", "holdout87.jsonl", "holdout88.jsonl", "holdout89.jsonl",
                  "holdout90.jsonl", "holdout91.jsonl", "holdout92.jsonl", "holdout93.jsonl", "holdout94.jsonl",
                  "holdout95.jsonl", "holdout96.jsonl", "holdout97.jsonl", "holdout98.jsonl", "holdout99.jsonl",
                  "holdout100.jsonl", "holdout101.jsonl", "holdout102.jsonl", "holdout103.jsonl", "holdout104.jsonl",
                  "holdout105.jsonl", "holdout106.jsonl", "holdout107.jsonl", "holdout108.jsonl", "holdout109.jsonl",
                  "holdout110.jsonl", "holdout111.jsonl", "holdout112.jsonl", "holdout113.jsonl", "holdout114.jsonl",
                  "holdout115.jsonl", "holdout116.jsonl", "holdout117.jsonl", "holdout118.jsonl", "holdout119.jsonl",
                  "holdout120.jsonl", "holdout121.jsonl", "holdout122.jsonl", "holdout123.jsonl", "holdout124.jsonl",
                  "holdout125.jsonl", "holdout126.jsonl", "holdout127.jsonl", "holdout128.jsonl", "holdout129.jsonl",
                  "holdout130.jsonl", "holdout131.jsonl", "holdout132.jsonl", "holdout133.jsonl",
                  "holdout134.jsonl", "holdout135.jsonl", "holdout136.jsonl",
                  "holdout137.jsonl", "holdout138.jsonl",
                  "holdout139.jsonl", "holdout140.jsonl", "holdout141.jsonl", "holdout142.jsonl", "holdout143.jsonl",
                  "holdout144.jsonl", "holdout145.jsonl", "holdout146.jsonl", "holdout147.jsonl",
                  "holdout148.jsonl", "holdout149.jsonl", "holdout150.jsonl", "holdout151.jsonl", "holdout152.jsonl",
                  "holdout153.jsonl", "holdout154.jsonl", "holdout155.jsonl", "holdout156.jsonl", "holdout157.jsonl",
                  "holdout158.jsonl", "holdout159.jsonl",
                  "holdout160.jsonl", "holdout161.jsonl", "holdout162.jsonl", "holdout163.jsonl", "holdout164.jsonl",
                  "holdout165.jsonl", "holdout166.jsonl",
                  "holdout167.jsonl", "holdout168.jsonl", "holdout169.jsonl", "holdout170.jsonl",
                  "holdout171.jsonl",
                  "holdout172.jsonl", "holdout173.jsonl", "holdout174.jsonl", "holdout175.jsonl", "holdout176.jsonl",
                  "holdout177.jsonl", "holdout178.jsonl",
                  "holdout179.jsonl", "holdout180.jsonl", "holdout181.jsonl", "holdout182.jsonl", "holdout183.jsonl",
                  "holdout184.jsonl",
                  "holdout185.jsonl", "holdout186.jsonl", "holdout187.jsonl", "holdout188.jsonl", "holdout189.jsonl",
                  "holdout190.jsonl", "holdout191.jsonl", "holdout192.jsonl",
                  "holdout193.jsonl", "holdout194.jsonl", "holdout195.jsonl", "holdout196.jsonl", "holdout197.jsonl",
                  "holdout198.jsonl", "holdout199.jsonl", "holdout200.jsonl",
                  "holdout201.jsonl", "holdout202.jsonl", "holdout203.jsonl", "holdout204.jsonl", "holdout205.jsonl",
                  "holdout206.jsonl", "holdout207.jsonl", "holdout208.jsonl",
                  "holdout209.jsonl", "holdout210.jsonl", "holdout211.jsonl", "holdout212.jsonl", "holdout213.jsonl",
                  "holdout214.jsonl", "holdout215.jsonl", "holdout216.jsonl",
                  "holdout217.jsonl", "holdout218.jsonl", "holdout219.jsonl", "holdout220.jsonl",
                  "holdout221.jsonl", "holdout222.jsonl", "holdout223.jsonl", "holdout224.jsonl", "holdout225.jsonl",
                  "holdout226.jsonl", "holdout227.jsonl", "holdout228.jsonl",
                  "holdout229.jsonl", "holdout230.jsonl", "holdout231.jsonl", "holdout232.jsonl",
                  "holdout233.jsonl", "holdout234.jsonl", "holdout235.jsonl", "holdout236.jsonl", "holdout237.jsonl",
                  "holdout238.jsonl", "holdout239.jsonl",
                  "holdout240.jsonl", "holdout241.jsonl", "holdout242.jsonl", "holdout243.jsonl", "holdout244.jsonl",
                  "holdout245.jsonl",
                  "holdout246.jsonl", "holdout247.jsonl", "holdout248.jsonl", "holdout249.jsonl", "holdout250.jsonl",
                  "holdout251.jsonl", "holdout252.jsonl", "holdout253.jsonl",
                  "holdout254.jsonl", "holdout255.jsonl", "holdout256.jsonl", "holdout257.jsonl",
                  "holdout258.jsonl", "holdout259.jsonl", "holdout260.jsonl", "holdout261.jsonl", "holdout262.jsonl",
                  "holdout263.jsonl", "holdout264.jsonl", "holdout265.jsonl",
                  "holdout266.jsonl", "holdout267.jsonl", "holdout268.jsonl", "holdout269.jsonl", "holdout270.jsonl",
                  "holdout271.jsonl", "holdout272.jsonl", "holdout273.jsonl",
                  "holdout274.jsonl", "holdout275.jsonl", "holdout276.jsonl", "holdout277.jsonl", "holdout278.jsonl",
                  "holdout279.jsonl",
                  "holdout280.jsonl", "holdout281.jsonl", "holdout282.jsonl", "holdout283.jsonl", "holdout284.jsonl",
                  "holdout285.jsonl", "holdout286.jsonl", "holdout287.jsonl",
                  "holdout288.jsonl", "holdout289.jsonl", "holdout290.jsonl", "holdout291.jsonl", "holdout292.jsonl",
                  "holdout293.jsonl", "holdout294.jsonl", "holdout295.jsonl",
                  "holdout296.jsonl", "holdout297.jsonl", "holdout298.jsonl", "holdout299.jsonl", "holdout300.jsonl",
                  "holdout301.jsonl", "holdout302.jsonl", "holdout303.jsonl",
                  "holdout304.jsonl", "holdout305.jsonl", "holdout306.jsonl", "holdout307.jsonl", "holdout308.jsonl",
                  "holdout309.jsonl",
                  "holdout310.jsonl", "holdout311.jsonl", "holdout312.jsonl", "holdout313.jsonl", "holdout314.jsonl",
                  "holdout315.jsonl", "holdout316.jsonl", "holdout317.jsonl",
                  "holdout318.jsonl", "holdout319.jsonl", "holdout320.jsonl", "holdout321.jsonl", "holdout322.jsonl",
                  "holdout323.jsonl", "holdout324.jsonl", "holdout325.jsonl",
                  "holdout326.jsonl", "holdout327.jsonl", "holdout328.jsonl", "holdout329.jsonl", "holdout330.jsonl",
                  "holdout331.jsonl", "holdout332.jsonl", "holdout333.jsonl",
                  "holdout334.jsonl", "holdout335.jsonl", "holdout336.jsonl", "holdout337.jsonl", "holdout338.jsonl",
                  "holdout339.jsonl", "holdout340.jsonl", "holdout341.jsonl",
                  "holdout342.jsonl", "holdout343.jsonl", "holdout344.jsonl", "holdout345.jsonl", "holdout346.jsonl",
                  "holdout347.jsonl", "holdout348.jsonl", "holdout349.jsonl",
                  "holdout350.jsonl", "holdout351.jsonl", "holdout352.jsonl", "holdout353.jsonl", "holdout354.jsonl",
                  "holdout355.jsonl", "holdout356.jsonl", "holdout357.jsonl",
                  "holdout358.jsonl", "holdout359.jsonl", "holdout360.jsonl", "holdout361.jsonl", "holdout362.jsonl",
                  "holdout363.jsonl",
                  "holdout364.jsonl", "holdout365.jsonl", "holdout366.jsonl", "holdout367.jsonl",
                  "holdout368.jsonl", "holdout369.jsonl",
                  "holdout370.jsonl", "holdout371.jsonl", "holdout372.jsonl", "holdout373.jsonl", "holdout374.jsonl",
                  "holdout375.jsonl",
                  "holdout376.jsonl", "holdout377.jsonl", "holdout378.jsonl", "holdout379.jsonl", "holdout380.jsonl",
                  "holdout381.jsonl",
                  "holdout382.jsonl", "holdout383.jsonl", "holdout384.jsonl", "holdout385.jsonl",
                  "holdout386.jsonl",
                  "holdout387.jsonl", "holdout388.jsonl", "holdout389.jsonl", "holdout390.jsonl", "holdout391.jsonl",
                  "holdout392.jsonl", "holdout393.jsonl", "holdout394.jsonl", "holdout395.jsonl", "holdout396.jsonl",
                  "holdout397.jsonl", "holdout398.jsonl", "holdout399.jsonl", "holdout400.jsonl", "holdout401.jsonl",
                  "holdout402.jsonl", "holdout403.jsonl", "holdout404.jsonl", "holdout405.jsonl",
                  "holdout406.jsonl", "holdout407.jsonl", "holdout408.jsonl", "holdout409.jsonl", "holdout410.jsonl",
                  "holdout411.jsonl", "holdout412.jsonl", "holdout413.jsonl", "holdout414.jsonl", "holdout415.jsonl",
                  "holdout416.jsonl", "holdout417.jsonl", "holdout418.jsonl",
                  "holdout419.jsonl", "holdout420.jsonl", "holdout421.jsonl", "holdout422.jsonl", "holdout423.jsonl",
                  "holdout424.jsonl", "holdout425.jsonl", "holdout426.jsonl", "holdout427.jsonl",
                  "holdout428.jsonl", "holdout429.jsonl",
                  "holdout430.jsonl", "holdout431.jsonl", "holdout432.jsonl", "holdout433.jsonl", "holdout434.jsonl",
                  "holdout435.jsonl", "holdout436.jsonl", "holdout437.jsonl", "holdout438.jsonl",
                  "holdout439.jsonl", "holdout440.jsonl",
                  "holdout441.jsonl", "holdout442.jsonl",
                  "holdout443.jsonl", "holdout444.jsonl",
                  "holdout445.jsonl", "holdout446.jsonl",
                  "holdout447.jsonl", "holdout448.jsonl", "holdout449.jsonl",
                  "holdout450.jsonl",
                  "holdout451.jsonl", "holdout452.jsonl", "holdout453.jsonl", "holdout454.jsonl", "holdout455.jsonl",
                  "holdout456.jsonl",
                  "holdout457.jsonl", "holdout458.jsonl", "holdout459.jsonl", "holdout460.jsonl",
                  "holdout461.jsonl",
                  "holdout462.jsonl",
                  "holdout463.jsonl", "holdout464.jsonl", "holdout465.jsonl", "holdout466.jsonl",
                  "holdout467.jsonl", "holdout468.jsonl", "holdout469.jsonl", "holdout470.jsonl", "holdout471.jsonl",
                  "holdout472.jsonl",
                  "holdout473.jsonl", "holdout474.jsonl",
                  "holdout475.jsonl",
                  "holdout476.jsonl",
                  "holdout477.jsonl", "holdout478.jsonl", "holdout479.jsonl", "holdout480.jsonl", "holdout481.jsonl",
                  "holdout482.jsonl", "holdout483.jsonl", "holdout484.jsonl", "holdout485.jsonl", "holdout486.jsonl",
                  "holdout487.jsonl", "holdout488.jsonl",
                  "holdout489.jsonl", "holdout490.jsonl",
                  "holdout491.jsonl",
                  "holdout492.jsonl", "holdout493.jsonl", "holdout494.jsonl",
                  "holdout495.jsonl", "holdout496.jsonl", "holdout497.jsonl",
                  "holdout498.jsonl", "holdout499.jsonl", "holdout500.jsonl",
                  "holdout501.jsonl",
                  "holdout502.jsonl",
                  "holdout503.jsonl", "holdout504.jsonl", "holdout505.jsonl",
                  "holdout506.jsonl", "holdout507.jsonl", "holdout508.jsonl",
                  "holdout509.jsonl", "holdout510.jsonl", "holdout511.jsonl",
                  "holdout512.jsonl", "holdout513.jsonl", "holdout514.jsonl",
                  "holdout515.jsonl", "holdout516.jsonl", "holdout517.jsonl",
                  "holdout518.jsonl", "holdout519.jsonl",
                  "holdout520.jsonl", "holdout521.jsonl", "holdout522.jsonl", "holdout523.jsonl",
                  "holdout524.jsonl", "holdout525.jsonl", "holdout526.jsonl", "holdout527.jsonl",
                  "holdout528.jsonl", "holdout529.jsonl", "holdout530.jsonl", "holdout531.jsonl",
                  "holdout532.jsonl", "holdout533.jsonl",
                  "holdout534.jsonl", "holdout535.jsonl", "holdout536.jsonl", "holdout537.jsonl",
                  "holdout538.jsonl",
                  "holdout539.jsonl", "holdout540.jsonl", "holdout541.jsonl", "holdout542.jsonl",
                  "holdout543.jsonl", "holdout544.jsonl", "holdout545.jsonl",
                  "holdout546.jsonl", "holdout547.jsonl", "holdout548.jsonl", "holdout549.jsonl",
                  "holdout550.jsonl", "holdout551.jsonl", "holdout552.jsonl",
                  "holdout553.jsonl", "holdout554.jsonl", "holdout555.jsonl", "holdout556.jsonl",
                  "holdout557.jsonl", "holdout558.jsonl",
                  "holdout559.jsonl",
                  "holdout560.jsonl", "holdout561.jsonl", "holdout562.jsonl", "holdout563.jsonl",
                  "holdout564.jsonl", "holdout565.jsonl", "holdout566.jsonl", "holdout567.jsonl",
                  "holdout568.jsonl", "holdout569.jsonl", "holdout570.jsonl", "holdout571.jsonl",
                  "holdout572.jsonl", "holdout573.jsonl", "holdout574.jsonl", "holdout575.jsonl",
                  "holdout576.jsonl", "holdout577.jsonl", "holdout578.jsonl", "holdout579.jsonl",
                  "holdout580.jsonl", "holdout581.jsonl", "holdout582.jsonl",
                  "holdout583.jsonl",
                  "holdout584.jsonl",
                  "holdout585.jsonl", "holdout586.jsonl", "holdout587.jsonl", "holdout588.jsonl",
                  "holdout589.jsonl", "holdout590.jsonl",
                  "holdout591.jsonl", "holdout592.jsonl", "holdout593.jsonl", "holdout594.jsonl",
                  "holdout595.jsonl", "holdout596.jsonl",
                  "holdout597.jsonl", "holdout598.jsonl", "holdout599.jsonl", "holdout600.jsonl",
                  "holdout601.jsonl", "holdout602.jsonl",
                  "holdout603.jsonl", "holdout604.jsonl", "holdout605.jsonl", "holdout606.jsonl",
                  "holdout607.jsonl", "holdout608.jsonl",
                  "holdout609.jsonl", "holdout610.jsonl",
                  "holdout611.jsonl",
                  "holdout612.jsonl", "holdout613.jsonl", "holdout614.jsonl", "holdout615.jsonl",
                  "holdout616.jsonl", "holdout617.jsonl", "holdout618.jsonl", "holdout619.jsonl",
                  "holdout620.jsonl", "holdout621.jsonl", "holdout622.jsonl", "holdout623.jsonl",
                  "holdout624.jsonl", "holdout625.jsonl", "holdout626.jsonl", "holdout627.jsonl",
                  "holdout628.jsonl", "holdout629.jsonl", "holdout630.jsonl", "holdout631.jsonl",
                  "holdout632.jsonl", "holdout633.jsonl", "holdout634.jsonl", "holdout635.jsonl",
                  "holdout636.jsonl", "holdout637.jsonl", "holdout638.jsonl", "holdout639.jsonl",
                  "holdout640.jsonl", "holdout641.jsonl", "holdout642.jsonl", "holdout643.jsonl",
                  "holdout644.jsonl", "holdout645.jsonl", "holdout646.jsonl", "holdout647.jsonl",
                  "holdout648.jsonl", "holdout649.jsonl", "holdout650.jsonl", "holdout651.jsonl",
                  "holdout652.jsonl", "holdout653.jsonl", "holdout654.jsonl", "holdout655.jsonl",
                  "holdout656.jsonl", "holdout657.jsonl", "holdout658.jsonl", "holdout659.jsonl",
                  "holdout660.jsonl", "holdout661.jsonl", "holdout662.jsonl", "holdout663.jsonl",
                  "holdout664.jsonl", "holdout665.jsonl", "holdout666.jsonl", "holdout667.jsonl",
                  "holdout668.jsonl", "holdout669.jsonl", "holdout670.jsonl", "holdout671.jsonl",
                  "holdout672.jsonl", "holdout673.jsonl", "holdout674.jsonl", "holdout675.jsonl",
                  "holdout676.jsonl", "holdout677.jsonl", "holdout678.jsonl", "holdout679.jsonl",
                  "holdout680.jsonl", "holdout681.jsonl", "holdout682.jsonl", "holdout683.jsonl",
                  "holdout684.jsonl", "holdout685.jsonl", "holdout686.jsonl", "holdout687.jsonl",
                  "holdout688.jsonl", "holdout689.jsonl", "holdout690.jsonl", "holdout691.jsonl",
                  "holdout692.jsonl", "holdout693.jsonl", "holdout694.jsonl", "holdout695.jsonl",
                  "holdout696.jsonl", "holdout697.jsonl", "holdout698.jsonl", "holdout699.jsonl",
                  "holdout700.jsonl", "holdout701.jsonl", "holdout702.jsonl", "holdout703.jsonl",
                  "holdout704.jsonl", "holdout705.jsonl", "holdout706.jsonl", "holdout707.jsonl",
                  "holdout708.jsonl", "holdout709.jsonl", "holdout710.jsonl", "holdout711.jsonl",
                  "holdout712.jsonl", "holdout713.jsonl", "holdout714.jsonl", "holdout715.jsonl",
                  "holdout716.jsonl", "holdout717.jsonl", "holdout718.jsonl", "holdout719.jsonl",
                  "holdout720.jsonl", "holdout721.jsonl", "holdout722.jsonl", "holdout723.jsonl",
                  "holdout724.jsonl", "holdout725.jsonl", "holdout726.jsonl", "holdout727.jsonl",
                  "holdout728.jsonl", "holdout729.jsonl", "holdout730.jsonl", "holdout731.jsonl",
                  "holdout732.jsonl", "holdout733.jsonl", "holdout734.jsonl", "holdout735.jsonl",
                  "holdout736.jsonl", "holdout737.jsonl", "holdout738.jsonl", "holdout739.jsonl",
                  "holdout740.jsonl", "holdout741.jsonl", "holdout742.jsonl", "holdout743.jsonl",
                  "holdout744.jsonl", "holdout745.jsonl",
                  "sweep_agents.jsonl",
                  "sweep_hosted_a.jsonl", "sweep_hosted_b.jsonl", "sweep_servers_b.jsonl")
"""Holdouts kept out of the 95 % sum (``tests/test_corpus.py``). The word model (``agent._word_model``) counts every
file, these included (each file's own figures are read with the model less that file). What follows about "the index" is
the history of the nearest-neighbour index the word model replaced on 6 December 2026, which these files stayed out of
(its builder did not even read them): holdout24, no general rule fitted to it; holdout25 and holdout26, whose misses
general rules were fitted to (their unseen figures, 70/95 and 58/88, stay the record) but whose labels part from other
files' on a few shared wordings (a LocalAI load that read EOF, OpenRouter's bare "Provider returned error"): in the
index they turn four right readings of other files wrong; holdout27 likewise (67/82 unseen, 72/82 after its fit): in the
index its labels turn a right reading of holdout26 into unknown. holdout28 (67/79 unseen, 76/79 after its fit) is fitted
like the holdouts before holdout24: with it in the index no entry of any file is read differently. holdout29 (58/78
unseen, 66/78 after its fit) stays out: in the index its labels turn a right reading of holdout22 (Android AICore's
"response processing error", server_error) into unknown. holdout30 (36/54 unseen, 45/54 after its fit) is kept out as
well: a third of it is one reseller's error log, whose wordings would weigh on the index out of proportion. holdout31
(27/32 unseen, 32/32 after its fit) joins the fitted files as holdout28 did: with it in the index no entry of any file
is read differently. holdout32, mined with it (34/43 unseen, 38/43 after its fit), stays out: in the index its labels
turn a right reading of another file (OpenRouter's 429 "Provider returned error", d-q04) into unknown. sweep_servers_b
(a sweep of llama.cpp's, Ollama's and LocalAI's catalogues, 30/51 before its fit, 45/51 after) stays out likewise: in
the index its LocalAI load failures, labelled model_not_found, turn a right reading of LocalAI's "could not load model
... rpc error ... EOF" (ac-q01, server_error) into unknown. sweep_agents (coding agents' texts, 27/50 before its fit,
43/50 after) stays out too: it labels Gemini CLI's bare "API Error: An unknown error occurred." unknown, which the rules
read, while the index reads it as its neighbour labelled server_error (a Venice 500 in the same words); kept out, no
fitted file holds a right verdict the index turns wrong. The other sweeps are in the sum and the index. holdout33 (4
December 2026, errors pasted from closed AI coding products; 22/40 unseen) is the latest unseen figure and stays out
while it is; holdout34 (2026 issues, mined the same afternoon) likewise, and so do the samples mined blind on the 4
December evening: holdout35 (agent frameworks' issues), holdout36 (forum and Q&A pages), holdout37 (apps and gateways
between users and providers), holdout38 (providers' own SDKs and CLIs outside Python), holdout39 (threads of
August-September 2026), holdout40 (errors pasted by users writing in other languages than English), holdout41 (real
answers recorded in test suites' cassettes and fixtures), holdout42 (issues of small, little-known repositories),
holdout43 (notebooks' outputs and course pages) and holdout44 (evaluation and benchmark tooling); and the four mined
blind on 4 December 2026 late (their labels committed under tests/corpus/incoming/, which nothing loads, before the
first run): holdout45 (the non-chat endpoints: embeddings, audio, images, files, batches, Assistants), holdout46
(regional providers and users writing in other languages than English and Chinese), holdout47 (errors quoted in pull
requests and threads of less-covered ecosystems) and holdout48 (troubleshooting pages, Hugging Face discussions, GitHub
Community); then, the same way, holdout49 (HTTP-200 soft failures), holdout50 (the Google ecosystem), holdout51 (AWS
Bedrock and Azure) and holdout52 (the coding agents' 2025-2026 issues), and holdout53 (the Anthropic ecosystem),
holdout54 (the OpenAI ecosystem), holdout55 (routers and hosted clouds) and holdout56 (self-hosted servers), and
holdout57 (the Chinese-language ecosystem), holdout58 (Python agent frameworks), holdout59 (the JS/TS ecosystem) and
holdout60 (chat bots and assistants); and fourteen mined blind the same night the same way, holdout61 to holdout74
(less-covered Asian providers, chat front-ends, transport faults as clients print them, coding assistants, direct
inference providers, failures inside a 200, non-Python clients, documentation, workflow platforms, evaluation and batch
tools, autonomous agents, self-hosted servers, localized texts, the newest models); and holdout75 to holdout80, mined
after those fits (RAG pipelines, translation tools, note-taking plugins, code-review bots, infra-hosted endpoints,
mobile clients); and holdout81 to holdout86, mined the same way in the next session on the rules of 57226f6 (automation
platforms, chat bots, application frameworks, Chinese clouds, the OpenAI head and the Anthropic and Google head of
2025-2026), and holdout87 to holdout92 after that fit (LiteLLM-wrapped errors, self-hosted servers, relays and routers,
games and creative tools, failures inside a stream, AI gateways), and holdout93 to holdout98 after that (the official
SDKs' trackers and sources, the Google ecosystem, Azure and Bedrock, other languages, Q&A pages, coding agents); and
holdout99 to holdout104, mined in the next session on the rules of c14b58e (the OpenAI head, the Anthropic head,
LiteLLM, agent harnesses and proxies, failures inside a 200, and the weak classes: unknown models, unreadable answers,
provider policy); and holdout105 to holdout110 after that fit, on the rules of 1b21e58 (the Google head, aggregators,
self-hosted servers, Azure and Bedrock, the Chinese ecosystem, quotas and throttles); and holdout111 to holdout116 after
that, on the rules of 7a1a826 (Python frameworks, the JS/TS ecosystem, coding agents' transport, chat bots, the newest
APIs, other languages; most of their entries from packages' sources and a locale file, the search budget having run
out); and holdout117 to holdout123 after that, on the rules of f79e1e0 (secondary providers, IDE extensions, the weak
classes, request defects, workflow and chat-UI platforms, transport faults and gateway pages, from issue and PR threads;
and eleven texts of Claude Code's package); and holdout124 to holdout126 after that fit, on the rules of 6417948 (the
OpenAI and Anthropic head, Google and Bedrock, agent harnesses and relays); and holdout127 to holdout133 after that, on
the rules of 4bb98e6 (the common classes' head, hosted providers, coding agents, failures inside a stream, local
servers, frameworks, AI gateways); and holdout134 to holdout136 after that, on the rules of f096123 (2026 threads, the
non-chat endpoints, other languages); and holdout137 and holdout138 after that, on the rules of 58ad297 (other apps'
locale strings, late-2026 threads); and holdout139 to holdout144 after that, on the rules of 8d238c1 (the SDK repos,
routers and local servers, agent harnesses, cloud platforms, failures inside a 200 and transport faults, hosted
providers); and holdout145 and holdout146 after that, on the rules of 4debb25 (web pages, gateways' error references);
and holdout147, on the rules of eac1c47 (2026 threads; no rule fitted to it); and holdout148 to holdout153, on the rules
of 6f84602 (Q&A pages, error-reference pages, non-Python clients, chat apps and coding agents, failures inside a 200,
2026 threads); and holdout154 to holdout158 after that fit, on the rules of 5bab83f (other languages, Python agent
frameworks, clouds and enterprise gateways, self-hosted servers, the big three's head); and holdout159, on the rules of
0cb7249 (three errors found with the search budget's last look-ups); and holdout160 to holdout166, on the rules of
3c9faed (less-common hosted providers, no-code tools, Asian clouds, coding agents and their relays, local servers,
clouds and gateways, non-Python clients); and holdout167 to holdout170 after that fit, on the rules of db7d769 (relays
and switchers, failures inside a 200, the big three's trackers, Python agent frameworks); and holdout171, on the rules
of e2590b2 (recorded answers in fixtures and cassettes); and holdout172 to holdout178, on the rules of 5fc40e1, the
first samples deduplicated by source URL only, so that a wording the corpus already held was kept: they estimate the
accuracy on the errors users paste (the OpenAI side, the Anthropic side, agent frameworks, the Google side, local
servers, agent apps, relays and gateways); and holdout179 to holdout184 after that fit, on the rules of 98f105d, sampled
the same way (hosted providers, the Chinese ecosystem, coding-agent CLIs, chat UIs and bots, non-Python clients,
failures inside a 200 or a stream); and holdout185 to holdout192 after that fit, on the rules of 9db1afb, sampled the
same way (failures in a stream again, Azure, Bedrock, Vertex and Gemini from frameworks, gateways and proxies, agent
frameworks, editor assistants, self-hosted servers); and holdout193 to holdout200 after that fit, on the rules of
812d8b3, sampled the same way (workflow platforms, evaluation tooling, chat UIs, hosted providers, bots and
integrations, voice and images, routers, clients in other languages); and holdout201 to holdout208 after that fit, on
the rules of bcc8112, sampled the same way (second and third rounds: the OpenAI SDKs, the Anthropic side, LiteLLM, the
Google side, coding agents, local servers, autonomous agents, routers and gateways); and holdout209 to holdout216 after
that fit, on the rules of 4ac4d88, sampled the same way (second rounds: chat UIs, workflow platforms, LLM frameworks,
hosted providers, the Chinese ecosystem, Azure and Bedrock, editor and desktop assistants, non-Python clients); and
holdout217 to holdout220 after that fit, on the rules of 3ff82bc, sampled the same way (the weakest angles again: local
servers, gateways and relays, editor assistants, workflow platforms); and holdout221 to holdout228 after that fit, on
the rules of d4f84af, sampled the same way (memory libraries, research and browser agents, structured-output and
TypeScript frameworks, translation tools, desktop apps, hermes-agent and Claude Code, AI gateways, notebook and data
tools); and holdout229 to holdout232 after that fit, on the rules of 6f28fad, sampled the same way (model-serving
infrastructure, chat bots, CI and commit tools, search and RAG applications); and holdout233 to holdout239 after that
fit, on the rules of 5694a6d, sampled the same way (voice and realtime agents, roleplay front ends, evaluation tools,
agent frameworks, browser extensions and personal assistants, cloud platform SDKs, scrapers and synthetic-data tools);
and holdout240 to holdout245 after that fit, on the rules of f697388, sampled the same way (terminal and CLI tools,
note-taking and productivity plugins, smart home and game agents, security and ops agents, image and video tools, mobile
and desktop chat apps); and holdout246 to holdout253 after that fit, on the rules of bb8f43c, sampled the same way
(customer-support and chat bots, academic and writing tools, JVM and .NET clients, Rust and Go clients, MCP hosts,
computer-use and GUI agents, document extraction with LLMs, AI app builders); and holdout254 to holdout257 after that
fit, on the rules of 9500c27, sampled the same way (Swift and Apple-platform clients, game mods and AI companions, LLMs
inside data and SQL tools, private document-chat apps); and holdout258 to holdout265 after that fit, on the rules of
6249c50, sampled the same way (browser automation, Ruby, PHP and Elixir clients, Kotlin and Android clients, Chinese
applications, Microsoft-stack bots and copilots, finance and domain agents, multi-agent simulations, observability and
tracing tools); and holdout266 to holdout273 after that fit, on the rules of ac48f9e, sampled the same way (editor
assistants, the Hugging Face ecosystem, edge and serverless runtimes, TypeScript agent frameworks, education apps, email
and office automation, game-engine assistants, software-engineering agents); and holdout274 to holdout279 after that
fit, on the rules of 0b8deda, sampled the same way (healthcare, legal and government apps, Neovim and Emacs plugins, R
and Julia clients, web3 agent kits, regional providers outside the US and China, data-labelling tools); and holdout280
to holdout287 after that fit, on the rules of 66aa139, sampled the same way (fourth rounds of Claude Code, Codex and the
SDKs, LiteLLM, local servers and the Google side; personal agent gateways, JVM server-side agent frameworks, helpdesk
and CRM platforms); and holdout288 to holdout295 after that fit, on the rules of ff5a795, sampled the same way (deeper
rounds of editor agents, terminal coding agents, chat UIs, workflow platforms, routers and relays, Bedrock and Azure,
the Chinese providers' APIs, multi-agent frameworks); and holdout296 to holdout303 after that fit, on the rules of
d9a9081, sampled the same way (Go clients, evaluation harnesses, voice and realtime agents, browser and coding agents,
structured-output libraries, chat bots and home automation, the JavaScript ecosystem, notebook and editor plugins); and
holdout304 to holdout309 after that fit, on the rules of 82e6177, sampled the same way (Rust clients, mobile and desktop
apps, PHP, Ruby and Elixir clients, RAG and document platforms, translation and subtitle tools, MCP servers and
clients); and holdout310 to holdout317 after that fit, on the rules of 718cccc, sampled the same way (fifth rounds of
hermes-agent, the OpenAI SDKs' trackers, the Anthropic side and self-hosted servers' trackers, fourth rounds of LiteLLM
and the Google and AWS SDKs, .NET clients, OpenRouter and other aggregators); and holdout318 to holdout325 after that
fit, on the rules of 3143439, sampled the same way (fifth rounds of Codex, editor agents, terminal coding agents,
workflow platforms and Python agent frameworks, a fourth of chat UIs, a sixth of relays and proxies, a second of direct
model providers); and holdout326 to holdout333 after that fit, on the rules of 222b299, sampled the same way from other
places (Q&A and forum pages, blogs and tutorials, Chinese-language pages and issues, users writing in Russian,
Portuguese, Spanish and French, the newest threads, enterprise clouds, recorded fixtures of the Vercel AI SDK,
less-covered clients); and holdout334 to holdout341 after that fit, on the rules of 1a38853, sampled the same way
(issues and pull requests of projects whose Discussions the search index lacks, non-chat endpoints, pull requests
quoting the error they handle, second-tier hosted providers, less-covered self-hosted servers, multimodal input,
failures inside a 200 or a dying stream, LLM calls from CI and automation); and holdout342 to holdout349 after that fit,
on the rules of fa50d03, the newest threads of the head (the OpenAI, Anthropic and Google ecosystems, LiteLLM and
gateway libraries, aggregators, local servers, agent frameworks, the Chinese providers, 2026 first); and holdout350 to
holdout357 after that fit, on the rules of 5b5fcac, the head's own trackers again, past the threads already cited
(hermes-agent and its kin, the OpenAI and Anthropic SDKs, LiteLLM, coding-agent CLIs, self-hosted and local servers, the
big clouds' own SDKs); and holdout358 to holdout363 after that fit, on the rules of b2f6472, away from the head
(end-user chat apps, frameworks in other languages, second-tier hosted providers, failures inside a 200 and cut streams,
threads in Chinese, Japanese and Korean, Q&A and forum pages); and holdout364 to holdout367 after that fit, on the rules
of b09fe65 (the newest threads, relays and gateways, RAG and workflow platforms, calls other than chat); and holdout368
and holdout369 on the rules of 23e85fb (agent tools in Rust, Go and TypeScript; threads in Russian, Turkish and
Portuguese); and holdout370 to holdout375 on the rules of a48ef61 (messaging bots, home automation and desktop clients,
data-science libraries, CI jobs, voice and translation tools, provider documentation pages); and holdout376 to
holdout381 after that fit, on the rules of 605c183 (JVM, .NET and mobile clients, browser extensions and web front-ends,
role-play and creative front-ends, low-code builders, research and knowledge-base apps, IDE assistants beyond the head);
and holdout382 to holdout385 after that fit, on the rules of e77e60c (cloud vendors' forums, batch and async pipelines,
threads in Japanese and Korean, the newest threads by current model names); and holdout386 after that fit, on the rules
of b001fa1 (failures inside a 200 or a stream, 2025-2026); and holdout387 to holdout391 on 6 December 2026, on the rules
of 5225eff (security and DevOps agents, memory layers and AI search, autonomous agents, shell tools and ComfyUI nodes,
science and SQL agents); and holdout392 to holdout396 the same day, on the rules of 2f8948c with the word model (game
and robotics agents, CMS and LMS plugins, social and content bots, audio and video pipelines, model-serving platforms);
and holdout397 to holdout401 the same day, on the rules of 2ed44e4 (desktop launchers, automation platforms, data
platforms and search stores, Swift and Apple clients, test automation); and holdout402 to holdout405 the same day, on
the rules of 7d152a8 (developer platforms' AI features, small and hobby projects, European-language threads, on-device
and in-browser runtimes); and holdout406 to holdout410 the same day, on the rules of eb14f56 (notebooks and teaching
tools, document-ingestion pipelines, MCP hosts and servers, Go/Rust/TypeScript clients, finance and science agents);
and holdout411 to holdout415 the same day, on the rules of 108d5ea (web scraping and crawling pipelines,
support/email/CRM assistants, spreadsheet and office add-ins, LLM observability and playground tools, PHP and Ruby
clients); and holdout416 to holdout418 the same day, on the rules of 0023ed4 (the newest threads, July-September
2026, of the OpenAI/Codex and Anthropic/Claude Code ecosystems, gateways and relays, local servers and Google);
and holdout419 to holdout423 the same day, on the rules of a15ea5b (translation and subtitle tools, git and code-review
tools, terminal chat CLIs, voice and real-time agent frameworks, note-taking and knowledge plugins); and holdout424
to holdout427 the same day, on the rules of 85b35b1 (Vim/Neovim/Emacs/JetBrains editor plugins, ElizaOS and social
agents, TypeScript agent frameworks, domain assistants); and holdout428 and holdout429 the same day, on the rules of
27f8d6f (mobile apps and their client libraries, browser extensions and page assistants); and holdout430 to holdout438
later that day in five waves, each on the rules of its day (embeddings and reranking, media generation APIs,
evaluation harnesses, app builders, serverless and edge code, Q&A sites, Russian, Turkish and Indonesian threads,
API-management gateways, vendor agent SDKs); and holdout439 and holdout440 on the last of the lookup budget, on
the rules of 65e8ac7 (clients in less common languages, workflow engines, some errors off their angle); and
holdout441 and holdout442 on the rules of ea6d659 (provider answers recorded in test suites: cassettes, records);
and holdout443 and holdout444 on the rules of f2d1a80 (errors saved in notebooks and committed run logs); and
holdout445 and holdout446 on the rules of 128cf1f (community pages outside GitHub, production model-serving stacks);
and holdout447 to holdout449 on the rules of bdbdd9c (enterprise AI platforms, learning settings, databases and BI);
and holdout450 on the rules of debadde (creative-tool plugins);
and holdout451 to holdout456 on the rules of c351c9a (editor and language ecosystems, evaluation harnesses, chat bots,
non-chat surfaces, browser and office apps, Chinese-language issues); and holdout457 to holdout460 on the rules
of c311852 (CI bots, MCP and structured output, research agents, mobile clients); and holdout461 on the rules of
7018daf (the most recent threads); and holdout462 on the rules of 01c4ad4 (embedded devices and robotics); and
holdout463 to holdout466 on the rules of 3ca745f (recorded test cassettes, notebook and course threads, code quoting
provider answers, proxies and gateways in front of models); and holdout467 to holdout469 on the rules of 15f8ca8
(regional providers, tool calling, reasoning-model parameters); and holdout470 to holdout472 on the rules of 3c9da41
(raw 200 streams, transport faults by runtime, raw responses of direct calls); and holdout473 and holdout474 on
the rules of a0019d8 (prompt caching and file inputs, built-in server tools); and holdout475 on the rules of
f5e7169 (request parameters and features 2025-2026 models reject); and holdout476 on the rules of b22d97a (tool
calling in smaller agent frameworks and apps); and holdout477 to holdout480 on the rules of 6a494c6 (evaluation
harnesses, image and multimodal requests, non-English threads, productivity plugins); and holdout481 to holdout483
on the rules of 4b1155d (self-hosted servers, structured-output libraries, enterprise clouds); and holdout484 to
holdout488 on the rules of 4c4a66f (research apps, memory and data tools, roleplay and games, CI bots, terminal
assistants); and holdout489 and holdout490 on the rules of 6a4e24e (chat-platform bots, the newest models of 2026);
and holdout491 on the rules of a5df200 (Hugging Face's serving surfaces); and holdout492 to holdout494 on the
rules of e697277 (threads in other languages, pull requests quoting the error they handle, multi-agent frameworks);
and holdout495 to holdout497 on the rules of 8656634 (question threads, chat front-ends, coding agents' less-visited
threads); and holdout498 to holdout500 on the rules of 04a154f (local runtimes' bindings, the SDKs outside Python,
LiteLLM's long tail of providers); and holdout501 on the rules of b3c9776 (Chinese-language threads, a second
round); and holdout502 on the rules of c5bba38 (the smaller providers' own SDKs); and holdout503 to holdout505 on
the rules of d5c11de (Streamlit and Gradio apps, voice and telephony agents, office and automation connectors);
and holdout506 to holdout508 on the rules of a6c8858 (data-analysis agents, plan-limit walls, credential failures);
and holdout509 to holdout511 on the rules of 85c594f (overload and server failures, context and size, request defects);
and holdout512 to holdout514 on the rules of 2412a76 (transport faults, content filters, soft failures); and
holdout515 to holdout517 on the rules of ee006ba (cloud platforms, local runtimes, aggregators and routers); and
holdout518 and holdout519 on the rules of f7647b6 (model availability, short rate limits); and
holdout520 to holdout527 on the rules of 38f209f (agent frameworks, messaging bots, coding CLIs, computer-use agents,
reasoning models, multimodal inputs, Chinese providers, streaming failures); and holdout528 to holdout533 on the
rules of 202e359 (Gemini and Vertex, Anthropic and OpenAI outside their own CLIs, second-tier providers, everyday
apps, MCP hosts); and holdout534 to holdout538 on the rules of 197e2d1 (the newest models, provider forums, apps'
troubleshooting pages, other languages, enterprise AI gateways); and holdout539 to holdout545 on the rules of
ee85bad (little-cited agent tools, SDKs outside Python, serving engines, coding plans, GitHub Copilot, chat
front-ends, Azure); and holdout546 to holdout552 on the rules of 8e321a0 (OpenRouter's clients, Claude on Bedrock and
Vertex, the Gemini API, Ollama, the Chinese providers' APIs, the Responses API, proprietary AI IDEs); and
holdout553 to holdout558 on the rules of 808c83e (xAI, Mistral and Cohere, fast-inference hosts, open-model hosting
platforms, the Vercel AI SDK in apps, Perplexity and Workers AI); and holdout559 on the rules of abfd413 (the newest
Claude Code and Codex threads); and holdout560 to holdout582 on the rules of 9851c9a, 5bdb7ff and e36c0c8 (eval
harnesses, batch jobs, document parsing, CI bots, deep-research agents, agent gateways, recent threads, PHP/Ruby,
Rust/Go, games, browser extensions, R/MATLAB/Kotlin, Poe and web wrappers, no-code platforms, serverless hosts,
regional providers, the Assistants API, China's second-tier APIs, media endpoints, HTTP-200 failures, free-API
projects, consumer-assistant wrappers, chat bots); and holdout583 on the rules of 2518393 (web-session proxies);
and holdout584 on the rules of 0fbadd1 (role-play reverse proxies); and holdout585 to holdout590 on the rules
of 4a3ed23 (game and manga translators, CLI-to-API relays, web-session proxies, QQ bot plugins, AI companions,
knowledge-base platforms); and holdout591 to holdout596 on the rules of 1041fa0 (video pipelines, early autonomous
agents, document chat, AI IDE account tools, academic tools, education apps); and holdout597 to holdout602 on the
rules of 517b20b (fiction writers, content generators, less-visited tool threads, Korean and Japanese threads,
desktop automation, AI search); and holdout603 to holdout608 on the rules of 706e39f (security agents, DevOps
assistants, multi-model chat clients, science tools, game-engine plugins, Home Assistant); and holdout609 and
holdout610 on the rules of f85a39c (customer-support platforms, CMS and groupware AI modules); and holdout611 on
the rules of 18c9b6e (in-process local inference libraries); and holdout612 to holdout615 on the rules of 89a74ab
(web-session wrappers of ChatGPT, claude.ai and Copilot, free-API projects, Gemini web wrappers, roleplay clients);
and holdout616 to holdout619 on the rules of 1bf0086 (Chinese free-api relays, subscription-to-API bridges of coding
tools, consumer chat wrappers, embedded voice assistants); and holdout620 to holdout623 on the rules of b9f3fdb
(media-generation wrappers, threads in Russian, Indonesian and French, native chat apps, office and low-code
integrations); and holdout624 to holdout627 on the rules of c90985d (Ruby and Elixir libraries' recorded answers,
enterprise AI gateways, Swift, Kotlin and Dart client libraries, batch and file APIs); and holdout628 to holdout631 on
the rules of 033f4e6 (commit-message and code-review bots, terminal LLM tools, IDE assistants outside VS Code, client
libraries of less common languages); and holdout632 to holdout635 on the rules of 6dea799 (self-hosted home and
bookmark automation, document parsing and PDF translators, browser-automation agents, voice and telephony agents); and
holdout636 to holdout639 on the rules of 36d1f39 (data-science and text-to-SQL tools, video and subtitle translators,
workflow platforms, games and virtual characters); and holdout640 to holdout643 on the rules of 298285a
(customer-support and chatbot builders, CMS and LMS plugins, enterprise chat bots, desktop launchers and browser
extensions); and holdout644 to holdout647 on the rules of 7867620 (the Assistants API, fine-tuning jobs,
image-generation APIs, structured output and tool calling); and holdout648 and holdout650 to holdout652 on the rules of
92721ac (embeddings and rerank endpoints, realtime and live APIs, provider-hosted tools, prompt and context caching);
and holdout649 and holdout653 to holdout655 on the rules of 92721ac (speech endpoints, Bedrock called directly,
self-deployed cloud endpoints, cloud credentials); and holdout656 to holdout659 on the rules of 92721ac (moderation and
guardrails, parameters servers refuse, spending limits and budgets, long-running requests); and holdout660 to holdout663
on the rules of feb7ab4 (files and document inputs, model listing and token counting, GitHub Models and Azure AI
Inference, OpenAI-compatible layers of other providers); and holdout664 to holdout667 on the rules of dc8d169
(enterprise cloud LLM services, conversation histories providers refuse, code completion and fill-in-the-middle, SDK
version errors); and holdout668 to holdout671 on the rules of 7571893 (routing and fallback layers, LLM functions in
data platforms, threads in Spanish and Portuguese, threads in German, Vietnamese, Turkish and Polish); and holdout672 to
holdout675 on the rules of 4753bd0 (scoped and restricted credentials, account and organization states, tool-call
generation failures, errors wrapped by retry layers); and holdout676 to holdout679 on the rules of 4753bd0 (Gemini
answers without text, refusals and filters in successful answers, networks between clients and providers, model
retirements); and holdout680 to holdout683 on the rules of 7bea9d4 (local inference out of resources, the Anthropic
Messages API called directly, the google-genai SDK, Mistral, Cohere and other Western providers); and holdout684 to
holdout687 on the rules of 7bea9d4 (fast-inference providers, xAI, Perplexity and DeepSeek, Chinese-language threads,
web pages served instead of an answer); and holdout688 to holdout691 on the rules of 6bf8312 (Hugging Face's inference,
bring-your-own-key modes of commercial tools, LLM apps in containers and clusters, Azure OpenAI's everyday errors); and
holdout692 to holdout695 on the rules of bd83ed2 (Gemini CLI and Antigravity, Claude Code, Codex CLI and OpenRouter in
2026).
The thirty-ninth session's waves, the same way: holdout696 to holdout699 on the rules of 582b50e (agent frameworks, the
Vercel AI SDK and its apps, streaming failures, timeouts and gateway pages); holdout700 to holdout703 on the rules of
14a3ccd (Gemini and Vertex quota and rate errors, tool-use request defects, the JavaScript SDKs, clients in Go, Rust,
Java, C# and PHP); holdout704 to holdout707 on the rules of 7ba1a9e (rate limits, bad and revoked keys, context and
request size, content filters and refusals, across every provider); holdout708 to holdout711 on the rules of 60bbfb1
(overload and capacity, billing and quota walls, unknown and retired models, internal server errors and bad gateways);
holdout712 to holdout715 on the rules of 4dd1a6c (empty and cut answers, soft failures inside 200s, AWS Bedrock through
its clients, OpenRouter and other aggregators); holdout716 to holdout719 on the rules of 30b4a5b (local servers, Gemini
and Vertex beyond quotas, the OpenAI and Anthropic SDKs of 2025-2026).
The fortieth session's waves, the same way: holdout720 to holdout727 on the rules of 0c1869d (AWS Bedrock, HTTP-200
soft failures, aggregators, Chinese clouds, Azure, Vertex, smaller hosted providers, local servers); holdout728 to
holdout735 on the rules of e6365d7 (chat bots, scheduled jobs, agent frameworks, writing and editor tools, reasoning
models' parameters, multimodal inputs, embeddings, roleplay front-ends); holdout736 to holdout740 on the rules of
0ba3118 (coding assistants, notebooks and data tools, the official SDKs, Gemini's SDKs, Ollama and llama.cpp);
holdout741 to holdout743 on the rules of 6b4920f (coding agents from China and AWS, browser extensions and mobile apps,
vLLM and SGLang); holdout744 and holdout745 on the rules of 31b3308 (subscription proxies, Ollama's cloud models and
llama.cpp's newer server).
sweep_hosted_a and sweep_hosted_b (hosted providers' documented error tables, 25/49 and 20/52 before their fit, 40 and
41 after) stay out of the sum and the index for what their rows are: most are the cause cells of a docs table ("The
request took too long to complete, possibly due to server overload") or an SDK's table of descriptions, used as the
message because the page shows no body, not texts the APIs send; their own floors keep them. (With them in, the sum read
3,713/3,918, 94.8 %.)"""


class CorpusError(ValueError):
    """A corpus line that does not follow the format; the message names the file, line and field."""


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """One real error shape and the recovery a careful operator would choose for it."""

    id: str
    source: str
    provider: str
    kind: Kind
    expect: FailoverReason | None  # None: a soft entry that is really a success (built-in table only)
    api: HttpApi = "openai"
    status: int | None = None
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    exc_type: str = ""
    exc_message: str = ""
    soft_kind: str = ""
    scope: Scope | None = None
    flags: Mapping[str, bool] = field(default_factory=dict)
    note: str = ""
    origin: str = ""  # "file.jsonl:line" or "error_shapes.py"
    approx_tokens: int = 0
    num_messages: int = 0


def default_dir() -> Path:
    """``tests/corpus`` of the repository this package was installed from (editable installs)."""
    return Path(__file__).resolve().parent.parent.parent / "tests" / "corpus"


def load(directory: Path | None = None, *, skip: Collection[str] = ()) -> tuple[CorpusEntry, ...]:
    """Every entry of every ``*.jsonl`` file in ``directory`` but those named in ``skip`` (not even read); ids must
    be unique across files."""
    entries: list[CorpusEntry] = []
    seen: dict[str, str] = {}
    for path in sorted(p for p in (directory or default_dir()).glob("*.jsonl") if p.name not in skip):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            entry = _parse(line, where)
            if entry.id in seen:
                raise CorpusError(f"{where}: field 'id': {entry.id!r} is already used at {seen[entry.id]}")
            seen[entry.id] = where
            entries.append(entry)
    return tuple(entries)


def _parse(line: str, where: str) -> CorpusEntry:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        raise CorpusError(f"{where}: not a JSON object ({err.msg} at column {err.colno})") from err
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: a line must be one JSON object")

    def text(name: str, *, required: bool = True) -> str:
        value = raw.get(name)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise CorpusError(f"{where}: field {name!r} must be a non-empty string")
        return value

    kind = text("kind")
    if kind not in _KINDS:
        raise CorpusError(f"{where}: field 'kind' must be one of {', '.join(_KINDS)}, not {kind!r}")
    provider = text("provider")
    if provider not in PROVIDERS:
        raise CorpusError(f"{where}: field 'provider': {provider!r} is not one of the providers in CORPUS.md")
    common: dict[str, Any] = {
        "id": text("id"), "source": text("source"), "provider": provider, "kind": kind,
        "expect": _enum(FailoverReason, raw.get("expect"), "expect", where),
        "scope": _enum(Scope, raw["scope"], "scope", where) if raw.get("scope") is not None else None,
        "flags": _flags(raw.get("flags"), where), "note": text("note", required=False), "origin": where,
        "status": _status(raw.get("status"), where, required=kind == "http"),
        "headers": _headers(raw.get("headers"), where),
    }
    if kind == "http":
        api = text("api")
        if api not in _HTTP_APIS:
            raise CorpusError(f"{where}: field 'api' must be one of {', '.join(_HTTP_APIS)}, not {api!r}")
        if "body" not in raw:
            raise CorpusError(f"{where}: field 'body' is required for kind 'http' (use \"\" for an empty body)")
        return CorpusEntry(**common, api=_HTTP_APIS[api], body=raw["body"])
    if kind == "message":
        exc = raw.get("exception")
        if not isinstance(exc, dict) or not isinstance(exc.get("type"), str) or not isinstance(
                exc.get("message"), str):
            raise CorpusError(f"{where}: field 'exception' must be {{\"type\": str, \"message\": str}}")
        return CorpusEntry(**common, api="anthropic" if raw.get("api") == "anthropic" else "openai",
                           exc_type=exc["type"], exc_message=exc["message"])
    soft_kind = text("soft_kind")
    if soft_kind not in _SOFT_KINDS:
        raise CorpusError(f"{where}: field 'soft_kind' must be one of {', '.join(_SOFT_KINDS)}, not {soft_kind!r}")
    if not isinstance(raw.get("body"), dict):
        raise CorpusError(f"{where}: field 'body' must be the JSON object of the 200 answer or event")
    return CorpusEntry(**common, soft_kind=soft_kind, body=raw["body"])


def _enum(cls: Any, value: object, name: str, where: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        raise CorpusError(f"{where}: field {name!r}: {value!r} is not one of {', '.join(m.value for m in cls)}"
                          ) from None


def _status(value: object, where: str, *, required: bool) -> int | None:
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 100 <= value <= 599:
        raise CorpusError(f"{where}: field 'status' must be an HTTP status (an integer 100-599)")
    return value


def _headers(value: object, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise CorpusError(f"{where}: field 'headers' must map header names to string values")
    return dict(value)


def _flags(value: object, where: str) -> dict[str, bool]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(k in FLAGS and isinstance(v, bool) for k, v in value.items()):
        raise CorpusError(f"{where}: field 'flags' may only set {', '.join(FLAGS)} to true or false")
    return dict(value)


def builtin_entries() -> tuple[CorpusEntry, ...]:
    """The shapes of ``error_shapes.py`` as corpus entries (they count in every report)."""
    http = tuple(CorpusEntry(
        id=s.id, source=s.source, provider=_provider_of(s.provider, s.id), kind="http", expect=s.expect, api=s.api,
        status=s.status, body=s.body, headers=s.headers, scope=s.scope, origin="error_shapes.py",
        approx_tokens=s.approx_tokens, num_messages=s.num_messages) for s in SHAPES)
    soft = tuple(CorpusEntry(
        id=s.id, source=s.source, provider=_provider_of("", s.id), kind="soft", expect=s.expect, soft_kind=s.kind,
        body=s.body, origin="error_shapes.py") for s in SOFT_SHAPES)
    return http + soft


def _provider_of(provider: str, shape_id: str) -> str:
    """The table's provider, else the provider its id starts with (``openai_...``), else ``other``."""
    prefix = shape_id.split("_", 1)[0]
    return provider or (prefix if prefix in PROVIDERS else "other")


def prepare(entry: CorpusEntry) -> tuple[bool, object]:
    """What the real SDK produces for the entry: (is_exception, the exception or the 200 object to classify)."""
    if entry.kind == "http":
        assert entry.status is not None  # checked by the loader
        return True, exception_from_http(entry.api, entry.status, entry.body, dict(entry.headers))
    if entry.kind == "message":
        return True, exception_from_message(entry.exc_type, entry.exc_message, status=entry.status,
                                            api="anthropic" if entry.api == "anthropic" else "openai")
    outcome: object = outcome_from_event(entry.body) if entry.soft_kind == "event" else response_from_http(
        _SOFT_API[entry.soft_kind], entry.body)
    return isinstance(outcome, BaseException), outcome


def classify_prepared(entry: CorpusEntry, prepared: tuple[bool, object], *, now: float | None = None,
                      word_model: TextReader | None = None) -> ClassifiedError | None:
    """Classify what ``prepare`` produced, as the loop would (exceptions and 200 answers alike); ``word_model``
    as for ``classify_api_error`` (None: the shipped model)."""
    is_error, outcome = prepared
    if is_error:
        return classify_api_error(outcome, provider=entry.provider, now=now, approx_tokens=entry.approx_tokens,
                                  num_messages=entry.num_messages, word_model=word_model)
    return classify_soft_failure(outcome, provider=entry.provider, now=now, word_model=word_model)


def file_of(entry: CorpusEntry) -> str:
    """The corpus file an entry comes from (``error_shapes.py`` for the built-in table)."""
    return entry.origin.split(":")[0]


_READ_AT: Final = 1_764_000_000.0  # a fixed epoch: the text read never depends on the day


def read_text(prepared: tuple[bool, object], entry: CorpusEntry) -> str | None:
    """The text the classifier reads for an entry (None: a 200 answer that is a real success)."""
    is_error, outcome = prepared
    if is_error and isinstance(outcome, BaseException):
        return explain_api_error(outcome, provider=entry.provider, now=_READ_AT, word_model=NO_MODEL).facts.text
    verdict = soft_facts(outcome)
    if verdict is None:
        return None
    _annotate(verdict[0], entry.provider, "", 0, 200_000, 0, _READ_AT)
    return verdict[0].text


def labelled_texts(entries: Collection[CorpusEntry]) -> list[tuple[str, FailoverReason]]:
    """Each labelled entry's text, as the classifier reads it (``read_text``), and its label: what the models learn."""
    out: list[tuple[str, FailoverReason]] = []
    for entry in entries:
        if entry.expect is not None and (text := read_text(prepare(entry), entry)) is not None:
            out.append((text, entry.expect))
    return out


def labelled_words(entries: Collection[CorpusEntry]) -> list[tuple[FailoverReason, frozenset[str]]]:
    """Each labelled entry's reason and the words of the text the classifier reads (what the word model counts)."""
    return [(reason, words(text)) for text, reason in labelled_texts(entries)]


FOLDS: Final = 3
"""How many folds the corpus files fall in for the gram model's honest readings (``fold_of``)."""


def fold_of(file: str) -> int:
    """The fold a corpus file belongs to: a pure function of its name."""
    return zlib.crc32(file.encode()) % FOLDS


@functools.cache
def _fold_model(fold: int) -> GramModel:
    path = default_dir() / "gram_folds" / f"fold{fold}.json"
    return GramModel.from_data(json.loads(path.read_text(encoding="utf-8")))


def model_without(file: str) -> GramModel:
    """A gram model that never saw ``file``: its fold's model (trained without the files of that fold) for a corpus
    file, the shipped model for any other (the built-in table, which no model is trained on)."""
    path = default_dir() / file
    if not file.endswith(".jsonl") or not path.is_file():
        return shipped_grams()
    return _fold_model(fold_of(file))


@dataclass(frozen=True)
class UnknownReadings:
    """What a model made of the corpus errors the rules alone leave unknown (``unknown_readings``)."""

    unknown: int  # errors the rules alone leave unknown
    read: int  # of those, read by the model
    right: int  # of those read, read as their label
    ends: int  # of the unknown, those whose final verdict holds (read rightly, or labelled unknown and left so)
    moved: tuple[str, ...]  # ids of errors a rule reads whose verdict the model changed (must be none)


def unknown_readings(model_for: Callable[[str], TextReader], now: float) -> UnknownReadings:
    """Every corpus entry classified by the rules alone and with ``model_for(its file)``: what the model read."""
    unknown = read = right = ends = 0
    moved: list[str] = []
    for entry in load():
        prepared = prepare(entry)
        alone = classify_prepared(entry, prepared, now=now, word_model=NO_MODEL)
        model = model_for(file_of(entry))
        with_model = classify_prepared(entry, prepared, now=now, word_model=model)
        if alone is None or alone.rule != "unknown" or with_model is None:
            if with_model != alone:
                moved.append(entry.id)
            continue
        unknown += 1
        ends += verdict_holds(entry, with_model)
        if with_model.rule == model.rule_name:
            read, right = read + 1, right + (with_model.reason is entry.expect)
        elif with_model != alone:
            moved.append(entry.id)
    return UnknownReadings(unknown, read, right, ends, tuple(moved))


def replay(entry: CorpusEntry, *, now: float | None = None,
           word_model: TextReader | None = None) -> ClassifiedError | None:
    """What steadyloop decides for this entry, produced through the real SDK clients; an error no rule reads is
    read with ``word_model``, by default a model that never saw the entry's own file (``model_without``)."""
    return classify_prepared(entry, prepare(entry), now=now,
                             word_model=model_without(file_of(entry)) if word_model is None else word_model)


def expected_flags(entry: CorpusEntry) -> dict[str, bool] | None:
    """The four hints the entry's label implies: its reason's policy row, overridden by ``flags``."""
    if entry.expect is None:
        return None
    row = REASON_POLICY[entry.expect]
    derived = {"retryable": row.retryable, "rotate": row.action is Action.rotate, "fallback": row.should_fallback,
               "compress": row.action is Action.compress}
    return {**derived, **entry.flags}


def verdict_holds(entry: CorpusEntry, c: ClassifiedError | None) -> bool:
    """The reason is the label's, and so are the scope and flags when the entry gives them."""
    if (c.reason if c else None) is not entry.expect:
        return False
    if entry.scope is not None and (c is None or c.scope is not entry.scope):
        return False
    observed = observed_flags(c) or {}
    return all(observed.get(k) == v for k, v in entry.flags.items())


def observed_flags(c: ClassifiedError | None) -> dict[str, bool] | None:
    """The four hints a classification gives."""
    if c is None:
        return None
    return {"retryable": c.retryable, "rotate": c.should_rotate_credential, "fallback": c.should_fallback,
            "compress": c.should_compress}


def all_entries(directory: Path | None = None, *, builtin: bool = True) -> tuple[CorpusEntry, ...]:
    """The corpus files plus (by default) the built-in table."""
    return (*load(directory), *(builtin_entries() if builtin else ()))

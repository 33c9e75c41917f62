"""CPU-bound work on the loop (category ``cpu``).

These do not wait, they compute: a password hash costs 50-300 ms by design,
image decoding and resizing, data-frame parsing, model inference. A worker
thread frees the loop only as far as the library releases the GIL (bcrypt,
argon2-cffi, hashlib's KDFs, Pillow, OpenCV, NumPy/PyTorch kernels mostly
do); pure-Python work competes for the GIL in a thread too. Loading a model
or encoding by name may also read large files or download them on a cold
cache. No twin: the remedy is a thread or process pool, never an ``await``.

A transformers model (what ``AutoModel*.from_pretrained`` gives, or a parameter annotated
``PreTrainedModel``) runs the network when called, in ``forward`` and in ``generate``;
remote-code chat models (ChatGLM, Qwen, InternLM, Baichuan) add ``chat``, and the
generators ``stream_chat``/``stream_generate``, which run a step per item as they are
iterated. ``eval()``, ``to(device)``, ``half()`` give the model back.
"""

from __future__ import annotations

from ._helpers import each, instance
from .model import Alias, BlockingApi, Returns

_KDF = "a deliberately slow password hash (tens to hundreds of ms)"
_HF_MODEL = "transformers.PreTrainedModel"
_HF_AUTO_MODELS = ("AutoModel", "AutoModelForCausalLM", "AutoModelForSequenceClassification",
                   "AutoModelForSeq2SeqLM", "AutoModelForTokenClassification")
_IMAGE = "PIL.Image.Image"
_PANDAS_READERS = ("read_csv", "read_excel", "read_parquet", "read_json", "read_sql", "read_sql_query",
                   "read_sql_table", "read_feather", "read_pickle", "read_table")
_PANDAS_WRITERS = ("to_csv", "to_excel", "to_parquet", "to_json", "to_sql", "to_feather", "to_pickle")
_CV2 = ("imdecode", "imencode", "imread", "imwrite", "resize", "cvtColor", "GaussianBlur", "medianBlur", "Canny",
        "threshold", "warpAffine", "warpPerspective", "findContours", "matchTemplate", "dnn.blobFromImage")

_PASSWORDS = [
    *each("bcrypt", ("hashpw", "checkpw", "kdf"), "cpu", why=_KDF),
    *each("passlib.context.CryptContext", ("hash", "verify", "verify_and_update", "encrypt"), "cpu", why=_KDF),
    *[api for scheme in ("bcrypt", "pbkdf2_sha256", "pbkdf2_sha512", "sha256_crypt", "sha512_crypt", "argon2")
      for api in each(f"passlib.hash.{scheme}", ("hash", "verify", "encrypt"), "cpu", why=_KDF)],
    *each("pwdlib.PasswordHash", ("hash", "verify", "verify_and_update"), "cpu", why=_KDF),
    *each("argon2.PasswordHasher", ("hash", "verify"), "cpu", why=_KDF),
    *each("fastapi_users.password.PasswordHelper", ("hash", "verify_and_update"), "cpu", why=_KDF),
    *each("argon2.low_level", ("hash_secret", "hash_secret_raw", "verify_secret"), "cpu", why=_KDF),
    *each("hashlib", ("pbkdf2_hmac", "scrypt"), "cpu", why=_KDF),
    # cryptography's key-derivation functions: as slow as their iteration count (or memory cost) asks.
    *[api for kdf in ("pbkdf2.PBKDF2HMAC", "scrypt.Scrypt", "argon2.Argon2id", "argon2.Argon2i", "argon2.Argon2d")
      for api in each(f"cryptography.hazmat.primitives.kdf.{kdf}", ("derive", "verify"), "cpu", why=_KDF)],
]

_IMAGES = [
    BlockingApi("PIL.Image.open", "cpu", why="reads and parses the image header (decoding follows)"),
    *each(_IMAGE, ("load", "resize", "thumbnail", "convert", "rotate", "crop", "filter", "transpose", "save",
                   "reduce", "quantize", "paste", "tobytes"), "cpu", why="decodes, transforms or encodes pixels"),
    BlockingApi("PIL.ImageOps.*", "cpu", why="a whole-image pixel operation"),
    *each("cv2", _CV2, "cpu", why="a whole-image OpenCV operation"),
    BlockingApi("cv2.CascadeClassifier.detectMultiScale", "cpu", why="runs a detector over the whole image"),
]

_DATA = [
    *each("pandas", _PANDAS_READERS, "cpu", why="reads and parses a whole file (or query result)"),
    *each("pandas.DataFrame", _PANDAS_WRITERS, "cpu", why="serialises the whole frame (and writes it)"),
    *each("numpy", ("load", "save", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt"), "cpu",
          why="reads or writes and converts a whole array file"),
]

_MODELS = [
    BlockingApi("sentence_transformers.SentenceTransformer", "cpu",
                why="loads the model from disk (downloads it on a cold cache)"),
    BlockingApi("sentence_transformers.SentenceTransformer.encode", "cpu", why="runs model inference"),
    BlockingApi("transformers.pipeline", "cpu", why="loads a model from disk (downloads it on a cold cache)"),
    BlockingApi("transformers.Pipeline.__call__", "cpu", why="runs model inference"),
    BlockingApi("whisper.load_model", "cpu", why="loads the speech model from disk (downloads it on a cold cache)"),
    BlockingApi("whisper.model.Whisper.transcribe", "cpu", why="decodes the audio and runs the speech model"),
    BlockingApi("faster_whisper.WhisperModel", "cpu", why="loads the speech model (downloads it on a cold cache)"),
    # Kokoro TTS: a pipeline loads its language's G2P (spaCy model and lexicon files) and, unless
    # made with ``model=False``, the model weights; calling it phonemises (and synthesises) lazily.
    BlockingApi("kokoro.KPipeline", "cpu", why="loads the G2P (spaCy model, lexicons) and the voice model"),
    BlockingApi("kokoro.KPipeline.__call__", "cpu", lazy=True, why="phonemises and synthesises as it is iterated"),
    BlockingApi("kokoro.KModel", "cpu", why="loads the model weights (downloads them on a cold cache)"),
    BlockingApi("faster_whisper.WhisperModel.transcribe", "cpu",
                why="decodes the audio and detects its language (segments are decoded as they are iterated)"),
    *[BlockingApi(f"transformers.{auto}.from_pretrained", "cpu",
                  why="loads a model from disk (downloads it on a cold cache)")
      for auto in (*_HF_AUTO_MODELS, "AutoTokenizer", "AutoProcessor")],
    *each(_HF_MODEL, ("__call__", "forward", "generate", "chat"), "cpu", why="runs the model"),
    *each(_HF_MODEL, ("stream_chat", "stream_generate"), "cpu", lazy=True,
          why="generates a step per item as it is iterated"),
    *each("torch", ("load", "save"), "cpu", why="reads or writes and unpickles a whole tensor file"),
    *each("torch.profiler.profile", ("export_chrome_trace", "export_stacks", "export_memory_timeline"), "file",
          why="writes the recorded trace to disk (often tens of megabytes of JSON)"),
    *each("joblib", ("load", "dump"), "cpu", why="reads or writes and unpickles a whole model file"),
    *each("tiktoken", ("get_encoding", "encoding_for_model"), "cpu",
          why="builds the encoder (downloads its ranks on a cold cache)"),
    BlockingApi("onnxruntime.InferenceSession", "cpu", why="loads and optimises the model"),
    BlockingApi("onnxruntime.InferenceSession.run", "cpu", why="runs model inference"),
    BlockingApi("spacy.load", "cpu", why="loads a language pipeline from disk"),
    *each("black", ("format_str", "format_file_contents"), "cpu", why="parses and reformats the whole source"),
]

#: Audio files are decoded (or encoded) whole, in C, from a path or a buffer: a speech-to-text
#: upload of a few minutes costs tens to hundreds of ms, a long one seconds.
_AUDIO = [
    *each("soundfile", ("read", "write"), "cpu", why="decodes or encodes a whole audio file"),
    *each("librosa", ("load", "resample", "stft"), "cpu",
          why="decodes (and resamples) a whole audio signal"),
    *each("torchaudio", ("load", "save"), "cpu", why="decodes or encodes a whole audio file"),
    *each("pydub.AudioSegment", ("from_file", "from_mp3", "from_wav", "from_ogg", "export"), "cpu",
          why="decodes or encodes a whole audio file (through ffmpeg, a subprocess)"),
]

#: Coqui TTS (``TTS``, and its maintained fork ``coqui-tts``): loading a model reads its
#: checkpoint (downloading it on a cold cache); synthesis runs the model.
_XTTS = "TTS.tts.models.xtts.Xtts"
_COQUI = [
    BlockingApi("TTS.api.TTS", "cpu", why="loads the speech model (downloads it on a cold cache)"),
    *each("TTS.api.TTS", ("tts", "tts_to_file"), "cpu", why="runs speech synthesis"),
    BlockingApi(f"{_XTTS}.load_checkpoint", "cpu", why="reads and loads the model checkpoint"),
    *each(_XTTS, ("inference", "get_conditioning_latents", "synthesize", "full_inference"), "cpu",
          why="runs speech synthesis"),
    BlockingApi(f"{_XTTS}.inference_stream", "cpu", lazy=True, why="synthesises as its chunks are iterated"),
    BlockingApi("TTS.tts.configs.xtts_config.XttsConfig.load_json", "file", why="reads the model's config file"),
]

_LOCAL_LLMS = [
    BlockingApi("llama_cpp.Llama", "cpu", why="loads model weights from disk"),
    *each("llama_cpp.Llama", ("__call__", "create_completion", "create_chat_completion", "embed",
                              "create_embedding", "tokenize"), "cpu", why="runs local model inference"),
]

ENTRIES: list[BlockingApi] = [*_PASSWORDS, *_IMAGES, *_DATA, *_MODELS, *_AUDIO, *_COQUI, *_LOCAL_LLMS]

RETURNS: list[Returns] = [
    *instance("passlib.context.CryptContext", "pwdlib.PasswordHash", "argon2.PasswordHasher"),
    *instance(*[f"cryptography.hazmat.primitives.kdf.{kdf}" for kdf in ("pbkdf2.PBKDF2HMAC", "scrypt.Scrypt",
                                                                         "argon2.Argon2id", "argon2.Argon2i",
                                                                         "argon2.Argon2d")]),
    Returns("pwdlib.PasswordHash.recommended", "pwdlib.PasswordHash"),
    *instance("fastapi_users.password.PasswordHelper"),
    Returns("fastapi_users.BaseUserManager.password_helper", "fastapi_users.password.PasswordHelper"),
    Returns("transformers.pipeline", "transformers.Pipeline"),
    *[Returns(f"transformers.{auto}.from_pretrained", _HF_MODEL) for auto in _HF_AUTO_MODELS],
    *[Returns(f"{_HF_MODEL}.{name}", _HF_MODEL) for name in ("eval", "to", "half", "float", "bfloat16", "cuda", "cpu")],
    Returns("whisper.load_model", "whisper.model.Whisper"),
    *instance("faster_whisper.WhisperModel", "kokoro.KPipeline", "torch.profiler.profile", "TTS.api.TTS",
              "TTS.tts.configs.xtts_config.XttsConfig"),
    Returns(f"{_XTTS}.init_from_config", _XTTS),
    Returns("PIL.Image.open", _IMAGE),
    Returns("PIL.Image.new", _IMAGE),
    *[Returns(f"{_IMAGE}.{name}", _IMAGE) for name in ("resize", "convert", "rotate", "crop", "filter", "transpose",
                                                       "copy", "reduce", "quantize")],
    *[Returns(f"pandas.{name}", "pandas.DataFrame") for name in _PANDAS_READERS if name != "read_json"],
    *[Returns(f"pydub.AudioSegment.{name}", "pydub.AudioSegment")
      for name in ("from_file", "from_mp3", "from_wav", "from_ogg")],
]

ALIASES: list[Alias] = [
    Alias("pandas.core.frame.DataFrame", "pandas.DataFrame"),
    Alias("transformers.pipelines.base.Pipeline", "transformers.Pipeline"),
    Alias("transformers.modeling_utils.PreTrainedModel", _HF_MODEL),
    Alias("passlib.context.LazyCryptContext", "passlib.context.CryptContext"),
    Alias("fastapi_users.password.PasswordHelperProtocol", "fastapi_users.password.PasswordHelper"),
    Alias("fastapi_users.manager.BaseUserManager", "fastapi_users.BaseUserManager"),
    Alias("argon2._password_hasher.PasswordHasher", "argon2.PasswordHasher"),
    Alias("sentence_transformers.SentenceTransformer.SentenceTransformer", "sentence_transformers.SentenceTransformer"),
]

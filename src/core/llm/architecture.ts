// A Hugging Face config.json read into the few numbers the generator needs (SPEC section 6). What it
// cannot model is an error naming the key it lacks, never a guess: a silent default here would put a
// model on the wrong side of the ridge with no one the wiser.
import { ConfigError, issueAt, quote, type ConfigIssue, type Position } from '../config/errors.js';
import { loadYaml, type KeyPath } from '../config/yaml.js';
import { configNumber } from '../format.js';

/** The families the generator models, by `model_type`, and what sets them apart. */
const FAMILIES = {
  llama: { gated: true, rope: true, norm: 'rms', tied: false, qkvBias: false, qkNorm: false },
  mistral: { gated: true, rope: true, norm: 'rms', tied: false, qkvBias: false, qkNorm: false },
  mixtral: { gated: true, rope: true, norm: 'rms', tied: false, qkvBias: false, qkNorm: false },
  qwen2: { gated: true, rope: true, norm: 'rms', tied: false, qkvBias: true, qkNorm: false },
  qwen2_moe: { gated: true, rope: true, norm: 'rms', tied: false, qkvBias: true, qkNorm: false },
  qwen3: { gated: true, rope: true, norm: 'rms', tied: false, qkvBias: false, qkNorm: true },
  qwen3_moe: { gated: true, rope: true, norm: 'rms', tied: false, qkvBias: false, qkNorm: true },
  gemma: { gated: true, rope: true, norm: 'rms', tied: true, qkvBias: false, qkNorm: false },
  deepseek: { gated: true, rope: true, norm: 'rms', tied: false, qkvBias: false, qkNorm: false },
  gpt2: { gated: false, rope: false, norm: 'layer', tied: true, qkvBias: true, qkNorm: false },
} as const;
export type Family = keyof typeof FAMILIES;
export const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];

/** Why a family the generator knows by name is still refused: the keys that make it something else. */
const REFUSED: Record<string, string> = {
  deepseek_v2: 'multi-head latent attention (kv_lora_rank)',
  deepseek_v3: 'multi-head latent attention (kv_lora_rank)',
  gemma2: 'alternating sliding-window layers and extra norms per layer',
  gemma3: 'alternating sliding-window layers and extra norms per layer',
};

export interface MixtureOfExperts {
  /** Routed experts per MoE layer. */
  experts: number;
  /** Routed experts each token picks (k). */
  perToken: number;
  /** Intermediate size of one routed expert. */
  expertIntermediate: number;
  /** Intermediate size of the shared expert(s) together, which every token passes through; 0 for none. */
  sharedIntermediate: number;
  /** Leading layers with a dense MLP instead (DeepSeek's `first_k_dense_replace`). */
  denseLayers: number;
}

/** One decoder-only transformer, every layer alike (but for MoE's leading dense layers). */
export interface Architecture {
  family: Family;
  hidden: number;
  /** The dense MLP's inner width. */
  intermediate: number;
  layers: number;
  heads: number;
  /** Heads of K and V: `heads` for multi-head attention, fewer under grouped-query attention. */
  kvHeads: number;
  headDim: number;
  vocab: number;
  /** lm_head reuses the embedding table: its weights are counted once in the footprint. */
  tiedEmbeddings: boolean;
  /** SwiGLU/GeGLU (gate, up, down) or a plain two-layer MLP (GPT-2). */
  mlp: 'gated' | 'plain';
  /** The activation function of the MLP, which sets its FLOPs per element. */
  activation: 'silu' | 'gelu';
  norm: 'rms' | 'layer';
  /** Rotary position embeddings (applied to Q and K) or learned ones (a table added to the input). */
  positions: 'rope' | 'learned';
  /** Rows of the learned position table (GPT-2's `n_positions`); 0 with rope. */
  positionRows: number;
  /** Biases on q/k/v, and on the output and MLP projections. */
  qkvBias: boolean;
  outBias: boolean;
  mlpBias: boolean;
  /** Qwen3's RMSNorm on each head of Q and K. */
  qkNorm: boolean;
  /** Keys a query attends at most (Mistral v0.1's sliding window); null for full attention. */
  window: number | null;
  moe: MixtureOfExperts | null;
}

/** config.json text -> Architecture, errors at the line of the key they are about. */
export function architectureFromText(text: string, file: string): Architecture {
  if (text.trim() === '') throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is empty: expected a Hugging Face config.json');
  const json = loadYaml(text, file); // JSON is YAML 1.2: this keeps positions for errors
  return readArchitecture(json.value, file, (path) => json.locate(path, { key: true }), text);
}

type Json = Record<string, unknown>;
type Count = (keys: string[], purpose: string, fallback?: number, least?: number) => number;

/**
 * Reads `value` (config.json parsed) into an Architecture, or throws a ConfigError listing every key it
 * lacks or cannot use, at that key's line in `file` (`locate` maps a key path to its position there).
 */
export function readArchitecture(value: unknown, file: string, locate: (path: KeyPath) => Position, text?: string): Architecture {
  const issues: ConfigIssue[] = [];
  const fail = (key: string, message: string) => issues.push(issueAt(file, locate(key === '' ? [] : [key]), key === '' ? [] : [key], message, text));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw ConfigError.at(file, { line: 1, column: 1 }, [], 'expected a Hugging Face config.json: a JSON object such as { "model_type": "llama", "hidden_size": 4096, ... }');
  }
  const json = value as Json;
  const type = json.model_type;
  if (typeof type !== 'string') {
    fail('', `no \`model_type\`: the generator needs it to know the architecture (it models ${FAMILY_NAMES.join(', ')})`);
    throw new ConfigError(issues);
  }
  if (!(type in FAMILIES)) {
    const why = REFUSED[type];
    fail('model_type', why
      ? `model_type ${quote(type)} uses ${why}, which the generator does not model`
      : `model_type ${quote(type)} is not one the generator models (${FAMILY_NAMES.join(', ')}); give the ops as an op table instead`);
    throw new ConfigError(issues);
  }
  const family = type as Family;
  const traits = FAMILIES[family];
  const what = `a ${family} model`;

  /** A whole number (at least `least`) under the first of `keys` present; reported as the first key when none is. */
  const count: Count = (keys, purpose, fallback, least = 1) => {
    const key = keys.find((candidate) => json[candidate] !== undefined && json[candidate] !== null);
    if (key === undefined) {
      if (fallback !== undefined) return fallback;
      fail('', `no \`${keys[0]}\`${keys.length > 1 ? ` (or ${keys.slice(1).map((k) => `\`${k}\``).join(', ')})` : ''}: ${purpose} of ${what}`);
      return NaN;
    }
    const given = json[key];
    if (typeof given !== 'number' || !Number.isInteger(given) || given < least) {
      fail(key, `expected a ${least === 0 ? 'non-negative' : 'positive'} whole number for \`${key}\` (${purpose}), got ${typeof given === 'string' ? quote(given) : JSON.stringify(given)}`);
      return NaN;
    }
    return given;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const given = json[key];
    if (given === undefined || given === null) return fallback;
    if (typeof given !== 'boolean') fail(key, `expected true or false for \`${key}\`, got ${JSON.stringify(given)}`);
    return given === true;
  };

  const gpt2 = family === 'gpt2';
  const hidden = count(gpt2 ? ['n_embd', 'hidden_size'] : ['hidden_size'], 'the hidden size');
  const heads = count(gpt2 ? ['n_head', 'num_attention_heads'] : ['num_attention_heads'], 'the attention heads');
  const layers = count(gpt2 ? ['n_layer', 'num_hidden_layers'] : ['num_hidden_layers'], 'the layer count');
  const vocab = count(['vocab_size'], 'the vocabulary size');
  const kvHeads = count(['num_key_value_heads'], 'the KV heads', heads); // absent: multi-head attention
  // GPT-2's n_inner is null for "4 x n_embd".
  const intermediate = gpt2 ? count(['n_inner'], 'the MLP width', 4 * hidden) : count(['intermediate_size'], 'the MLP width');
  // hidden / heads where it divides; NaN (already reported) when either is unusable.
  const perHead = hidden / heads;
  const headDim = count(['head_dim'], 'the head size', Number.isInteger(perHead) || Number.isNaN(perHead) ? perHead : undefined);
  if (Number.isInteger(heads) && Number.isInteger(kvHeads) && heads % kvHeads !== 0) {
    fail('num_key_value_heads', `num_key_value_heads (${configNumber(kvHeads)}) must divide num_attention_heads (${configNumber(heads)}): each KV head serves a whole group of query heads`);
  }
  const windowValue = json.sliding_window;
  const windowUsed = windowValue !== undefined && windowValue !== null && json.use_sliding_window !== false;
  const window = windowUsed ? count(['sliding_window'], 'the attention window') : null;

  const moe = mixtureOf(json, count, fail, intermediate);
  const activationName = String(json.hidden_activation ?? json.hidden_act ?? json.activation_function ?? (gpt2 ? 'gelu_new' : 'silu'));
  const activation = /^(silu|swish)$/.test(activationName) ? 'silu' : /^gelu/.test(activationName) ? 'gelu' : null;
  if (activation === null) {
    const key = json.hidden_activation !== undefined ? 'hidden_activation' : json.hidden_act !== undefined ? 'hidden_act' : 'activation_function';
    fail(key, `activation ${quote(activationName)} is not one the generator models (silu, gelu and its approximations)`);
  }
  const attentionBias = flag('attention_bias', traits.qkvBias);
  const architecture: Architecture = {
    family,
    hidden, intermediate, layers, heads, kvHeads, headDim, vocab,
    tiedEmbeddings: flag('tie_word_embeddings', traits.tied),
    mlp: traits.gated ? 'gated' : 'plain',
    activation: activation ?? 'silu',
    norm: traits.norm,
    positions: traits.rope ? 'rope' : 'learned',
    positionRows: traits.rope ? 0 : count(['n_positions'], 'the learned position table\'s rows'),
    qkvBias: attentionBias,
    // Qwen2 has biases on q, k and v only; Llama's attention_bias covers o_proj too; GPT-2 has them all.
    outBias: gpt2 || (family === 'llama' && attentionBias),
    mlpBias: gpt2 || flag('mlp_bias', false),
    qkNorm: traits.qkNorm,
    window,
    moe,
  };
  if (issues.length > 0) throw new ConfigError(issues);
  return architecture;
}

/** The experts of an MoE config, null for a dense one; the keys of Mixtral, DeepSeek and Qwen-MoE. */
function mixtureOf(
  json: Json,
  count: Count,
  fail: (key: string, message: string) => void,
  intermediate: number,
): MixtureOfExperts | null {
  const expertKeys = ['num_local_experts', 'n_routed_experts', 'num_routed_experts', 'num_experts'];
  if (!expertKeys.some((key) => json[key] !== undefined && json[key] !== null)) return null;
  const experts = count(expertKeys, 'the routed experts');
  const perToken = count(['num_experts_per_tok'], 'the experts each token is routed to');
  if (perToken > experts) fail('num_experts_per_tok', `num_experts_per_tok (${configNumber(perToken)}) exceeds the ${configNumber(experts)} experts`);
  const expertIntermediate = count(['moe_intermediate_size'], 'the width of one expert', intermediate);
  const sharedExperts = count(['n_shared_experts'], 'the shared experts', 0, 0);
  const sharedIntermediate = json.shared_expert_intermediate_size !== undefined
    ? count(['shared_expert_intermediate_size'], 'the shared expert\'s width')
    : sharedExperts * expertIntermediate;
  const denseLayers = count(['first_k_dense_replace'], 'the leading dense layers', 0, 0);
  // Layers that alternate between dense and MoE are not "every layer alike": refuse rather than guess.
  if (json.decoder_sparse_step !== undefined && json.decoder_sparse_step !== 1) fail('decoder_sparse_step', 'only decoder_sparse_step: 1 (every layer MoE) is modelled');
  if (json.moe_layer_freq !== undefined && json.moe_layer_freq !== 1) fail('moe_layer_freq', 'only moe_layer_freq: 1 (every layer MoE) is modelled');
  if (Array.isArray(json.mlp_only_layers) && json.mlp_only_layers.length > 0) fail('mlp_only_layers', 'layers with a dense MLP among MoE layers are not modelled: give mlp_only_layers: []');
  return { experts, perToken, expertIntermediate, sharedIntermediate, denseLayers };
}

// Package keys holds a prefix that the importoverlap case spells keys with.
package keys

const GenAIUsage = "gen_ai.usage."

package analyzer

import "go/token"

// fileLine is pos's line in the file itself, whatever //line directives
// say: the line an edit of the file changes.
func fileLine(tf *token.File, pos token.Pos) int { return tf.PositionFor(pos, false).Line }

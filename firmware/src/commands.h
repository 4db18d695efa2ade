// Host -> device command handling: parse, validate, apply, answer.
#pragma once
#include <stddef.h>

#include "node_state.h"

// Handles one received line (without its '\n'). Writes exactly one answer
// line (ack, hello or err) unless the line is blank.
void handleCommandLine(NodeState &st, const char *line, size_t len);

// Answers a line that overflowed the receive buffer.
void reportLineTooLong();

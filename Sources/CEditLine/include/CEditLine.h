#ifndef CEDITLINE_H
#define CEDITLINE_H

#include <stdio.h>

/// An interactive line editor: libedit's EditLine and History behind plain,
/// non-variadic functions, because Swift cannot call the variadic el_set/history.
typedef struct nn_editor nn_editor;

/// Asked for completions with the text left of the cursor. Writes the text to
/// insert at the cursor into `insert` (at most `capacity` bytes, NUL-terminated).
/// Returns 0 when there is nothing to do, 1 when `insert` holds text to insert,
/// 2 when the callback printed a list of candidates and the line must be drawn
/// again (text in `insert` is inserted first in this case too).
typedef int (*nn_completion_fn)(const char *line_to_cursor, char *insert, int capacity, void *context);

/// Opens an editor on the given streams; NULL when libedit cannot start.
nn_editor *nn_editor_open(const char *program, FILE *in, FILE *out, FILE *err);
void nn_editor_close(nn_editor *editor);

/// Marks the start and end of invisible text in a prompt, such as a colour
/// escape, so that libedit does not count it as columns.
#define NN_PROMPT_IGNORE '\1'

/// Sets the prompt drawn before each line (copied); wrap escape sequences in NN_PROMPT_IGNORE.
void nn_editor_set_prompt(nn_editor *editor, const char *prompt);

/// Makes the next nn_editor_read_line start with `spaces` spaces already typed (at most
/// 1000), such as a continuation line's indentation; the learner may delete them. When
/// input is already waiting as the line starts (a paste, whose lines carry their own
/// indentation), none are typed.
void nn_editor_prefill(nn_editor *editor, int spaces);

/// Makes the next nn_editor_read_line start with `text` already in the line (copied), the
/// cursor at its end, such as a block of code to edit; it may hold line breaks.
void nn_editor_prefill_text(nn_editor *editor, const char *text);

/// Asked what Enter does, with the text before and after the cursor; `force_newline` is 1 for
/// Esc Enter (Alt-Enter). Returns -1 to accept the text as read, or n >= 0 to break the line
/// at the cursor and type n spaces of indentation after the break.
typedef int (*nn_enter_fn)(const char *before_cursor, const char *after_cursor, int force_newline, void *context);

/// Installs the Enter callback; without one Enter accepts the text and Esc Enter breaks the line.
/// Up and Down move between the lines of text of several lines, and through the history
/// from its first and last line.
void nn_editor_set_enter(nn_editor *editor, nn_enter_fn callback, void *context);

/// Reads one line, including its newline; NULL at end of input (Ctrl-D on an empty line
/// or one of only spaces) or when reading was interrupted by SIGINT (see
/// nn_editor_note_interrupt). `interrupted` is set to 1 for the latter.
const char *nn_editor_read_line(nn_editor *editor, int *interrupted);

/// Tells the editor that SIGINT arrived, so the line being read ends as interrupted.
/// Async-signal-safe: call it from the SIGINT handler.
void nn_editor_note_interrupt(void);

/// Clears the line being edited and resets the terminal state after an interrupt.
void nn_editor_reset(nn_editor *editor);

/// Installs the Tab completion callback.
void nn_editor_set_completion(nn_editor *editor, nn_completion_fn callback, void *context);

/// A history list, usable with or without an editor (so it can be tested without a terminal).
typedef struct nn_history nn_history;

nn_history *nn_history_open(int capacity);
void nn_history_close(nn_history *history);
/// Adds a line to the end (consecutive duplicates are kept once).
void nn_history_add(nn_history *history, const char *line);
/// Loads lines from a file; returns 0 on success, -1 when the file cannot be read.
int nn_history_load(nn_history *history, const char *path);
/// Saves to a file; returns 0 on success, -1 on failure.
int nn_history_save(nn_history *history, const char *path);
/// The number of entries.
int nn_history_count(nn_history *history);
/// The entry at `index` counting from the oldest (0), or NULL.
const char *nn_history_entry(nn_history *history, int index);
/// Attaches the history to an editor so Up/Down and Ctrl-R search it.
void nn_editor_set_history(nn_editor *editor, nn_history *history);

#endif

#include "CEditLine.h"

#include <histedit.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

struct nn_editor {
    EditLine *el;
    char *prompt;
    nn_completion_fn complete;
    void *context;
    int infd;
    FILE *out;
    /// Set when the last read stopped because of Ctrl-C.
    int interrupted;
    /// Spaces still to hand libedit as typed at the start of the line being read (nn_editor_prefill).
    int prefill;
    /// Whether the line being read has asked for a character yet.
    int line_started;
    /// Text to put in the line being read before any key (nn_editor_prefill_text); owned.
    char *prefill_text;
    /// Keys handed to libedit before any typed one: the private sequences below.
    const char *queued;
    nn_enter_fn enter;
    void *enter_context;
    /// The history Up and Down walk, and how many entries back the line being read is.
    /// Counted here because libedit does not tell, and its ed-next-history from the newest
    /// position replaces the line with a stale copy rather than leaving it alone.
    struct nn_history *history;
    int history_depth;
};

/// Private key sequences, bound once in nn_editor_open and only ever queued by the shim
/// itself: the way a bound function of ours gets one of libedit's own run next
/// (the history and newline functions are not callable from outside libedit).
#define NN_KEY_PREVIOUS_ENTRY "\030\001"
#define NN_KEY_NEXT_ENTRY "\030\002"
#define NN_KEY_ACCEPT "\030\005"
#define NN_KEY_PREFILL "\030\006"

/// The most spaces nn_editor_prefill types: deeper indentation is not worth typing for anyone.
#define NN_MAX_PREFILL 1000

/// Set by nn_editor_note_interrupt from a SIGINT handler, consumed by the next read.
static volatile sig_atomic_t interrupt_pending = 0;

void nn_editor_note_interrupt(void) {
    interrupt_pending = 1;
}

/// Whether a byte can be read from `fd` without waiting.
static int input_waiting(int fd) {
    struct pollfd descriptor = { .fd = fd, .events = POLLIN, .revents = 0 };
    return poll(&descriptor, 1, 0) > 0 && (descriptor.revents & POLLIN);
}

/// Reads one character for libedit. A read interrupted by SIGINT ends the line
/// (libedit's own reader would retry or return depending on its version); any
/// other interrupted read, such as one after a window resize, is retried.
static int read_character(EditLine *el, wchar_t *character) {
    nn_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    if (!editor) return -1;
    if (!editor->line_started) {
        editor->line_started = 1;
        // Keys already waiting when a line starts are a paste (or typing ahead): its lines
        // bring their own indentation, so none is typed for them. libedit has put the
        // terminal in raw mode by now, so every waiting byte counts, not just whole lines.
        // The trade-off: were a paste to arrive in pieces, with a pause just after a line
        // break, the next line would be indented twice; a terminal writes a paste in one
        // burst, so the rest is waiting long before the next line starts.
        if (input_waiting(editor->infd)) editor->prefill = 0;
    }
    if (editor->queued && *editor->queued) {
        *character = (wchar_t)(unsigned char)*editor->queued++;
        return 1;
    }
    if (editor->prefill > 0) {
        // Handed over like typed keys, so libedit inserts and draws them as usual.
        editor->prefill--;
        *character = L' ';
        return 1;
    }
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    for (;;) {
        ssize_t got = read(editor->infd, bytes + count, 1);
        if (got < 0) {
            if (errno == EINTR && !interrupt_pending) continue;
            if (errno == EINTR) {
                interrupt_pending = 0;
                editor->interrupted = 1;
            }
            *character = L'\0';
            return -1;
        }
        if (got == 0) {
            *character = L'\0';
            return 0;
        }
        count++;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(character, bytes, count, &state);
        if (used == (size_t)-2 && count < sizeof bytes) continue;  // an incomplete UTF-8 sequence
        if (used == (size_t)-1 || used == (size_t)-2) {
            count = 0;  // an invalid sequence: drop it
            continue;
        }
        return 1;
    }
}

struct nn_history {
    History *h;
    HistEvent event;
};

static char *prompt_of(EditLine *el) {
    nn_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    return (editor && editor->prompt) ? editor->prompt : "";
}

static unsigned char complete_at_cursor(EditLine *el, int ch) {
    (void)ch;
    nn_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    if (!editor || !editor->complete) return CC_ERROR;
    const LineInfo *info = el_line(el);
    size_t length = (size_t)(info->cursor - info->buffer);
    char *before = malloc(length + 1);
    if (!before) return CC_ERROR;
    memcpy(before, info->buffer, length);
    before[length] = '\0';
    char insert[1024];
    insert[0] = '\0';
    int status = editor->complete(before, insert, (int)sizeof insert, editor->context);
    free(before);
    // Text to insert is applied for both statuses: several candidates may still
    // share a prefix longer than the typed word, which is inserted before listing.
    if (status != 0 && insert[0] != '\0' && el_insertstr(el, insert) != 0) return CC_ERROR;
    if (status == 2) return CC_REDISPLAY;
    if (status == 1) return CC_REFRESH;
    return CC_NORM;
}

/// Ctrl-D: on a line of nothing but spaces (say the pre-filled indentation), with the
/// cursor at its end, ends input as on an empty line; elsewhere it does what libedit's
/// em-delete-or-list does: deletes the character under the cursor, or beeps at the end.
static unsigned char end_or_delete(EditLine *el, int ch) {
    (void)ch;
    nn_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    const LineInfo *info = el_line(el);
    if (!editor || !info) return CC_ERROR;
    if (info->cursor < info->lastchar) {
        if (el_cursor(el, 1) < 0) return CC_ERROR;
        el_deletestr(el, 1);
        return CC_REFRESH;
    }
    for (const char *c = info->buffer; c < info->lastchar; c++) {
        if (*c != ' ' && *c != '\t') return CC_ERROR;
    }
    // libedit echoes ^D when it ends input on an empty line; so does this.
    fputs("^D", editor->out);
    fflush(editor->out);
    return CC_EOF;
}

static nn_editor *editor_of(EditLine *el) {
    nn_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    return editor;
}

/// Inserts the text of nn_editor_prefill_text, as one edit, and draws it.
static unsigned char insert_prefill(EditLine *el, int ch) {
    (void)ch;
    nn_editor *editor = editor_of(el);
    if (!editor || !editor->prefill_text) return CC_NORM;
    int status = el_insertstr(el, editor->prefill_text);
    free(editor->prefill_text);
    editor->prefill_text = NULL;
    return status == 0 ? CC_REFRESH : CC_ERROR;
}

/// Enter, and Esc Enter (`force_newline`): asks the callback whether to accept the
/// text (then libedit's ed-newline runs, which also moves below a block of several
/// lines) or to break the line at the cursor with the indentation it returns.
static unsigned char enter_or_break(EditLine *el, int force_newline) {
    nn_editor *editor = editor_of(el);
    const LineInfo *info = el_line(el);
    if (!editor || !info) return CC_ERROR;
    int indent = -1;
    if (editor->enter) {
        size_t before = (size_t)(info->cursor - info->buffer), after = (size_t)(info->lastchar - info->cursor);
        char *text = malloc(before + after + 2);
        if (!text) return CC_ERROR;
        memcpy(text, info->buffer, before);
        text[before] = '\0';
        memcpy(text + before + 1, info->cursor, after);
        text[before + 1 + after] = '\0';
        indent = editor->enter(text, text + before + 1, force_newline, editor->enter_context);
        free(text);
    }
    if (indent < 0) {
        editor->queued = NN_KEY_ACCEPT;
        return CC_NORM;
    }
    if (indent > NN_MAX_PREFILL) indent = NN_MAX_PREFILL;
    char *line_break = malloc((size_t)indent + 2);
    if (!line_break) return CC_ERROR;
    line_break[0] = '\n';
    memset(line_break + 1, ' ', (size_t)indent);
    line_break[indent + 1] = '\0';
    int status = el_insertstr(el, line_break);
    free(line_break);
    return status == 0 ? CC_REFRESH : CC_ERROR;
}

static unsigned char enter(EditLine *el, int ch) {
    (void)ch;
    return enter_or_break(el, 0);
}

static unsigned char break_line(EditLine *el, int ch) {
    (void)ch;
    return enter_or_break(el, 1);
}

/// Up and Down in text of several lines: to the same column of the line above or
/// below (or its end); from the first line up, or the last down, through the history.
static unsigned char move_line(EditLine *el, int down) {
    nn_editor *editor = editor_of(el);
    const LineInfoW *info = el_wline(el);
    if (!editor || !info) return CC_ERROR;
    const wchar_t *start = info->buffer, *end = info->lastchar, *cursor = info->cursor;
    const wchar_t *line = cursor;
    while (line > start && line[-1] != L'\n') line--;
    const wchar_t *line_end = cursor;
    while (line_end < end && *line_end != L'\n') line_end++;
    long column = (long)(cursor - line);
    const wchar_t *target_line, *target_end;
    if (down) {
        if (line_end == end) {
            if (editor->history_depth == 0) return CC_ERROR;
            editor->history_depth--;
            editor->queued = NN_KEY_NEXT_ENTRY;
            return CC_NORM;
        }
        target_line = line_end + 1;
        target_end = target_line;
        while (target_end < end && *target_end != L'\n') target_end++;
    } else {
        if (line == start) {
            if (editor->history && editor->history_depth < nn_history_count(editor->history)) editor->history_depth++;
            editor->queued = NN_KEY_PREVIOUS_ENTRY;
            return CC_NORM;
        }
        target_end = line - 1;
        target_line = target_end;
        while (target_line > start && target_line[-1] != L'\n') target_line--;
    }
    long length = (long)(target_end - target_line);
    const wchar_t *target = target_line + (column < length ? column : length);
    el_cursor(el, (int)(target - cursor));
    return CC_CURSOR;
}

/// Ctrl-A and Ctrl-E (Home, End): to the start or end of the cursor's line, which in text of
/// several lines is not the whole text's (libedit's own ed-move-to-beg and ed-move-to-end).
static unsigned char line_edge(EditLine *el, int to_end) {
    const LineInfoW *info = el_wline(el);
    if (!info) return CC_ERROR;
    const wchar_t *target = info->cursor;
    if (to_end) {
        while (target < info->lastchar && *target != L'\n') target++;
    } else {
        while (target > info->buffer && target[-1] != L'\n') target--;
    }
    el_cursor(el, (int)(target - info->cursor));
    return CC_CURSOR;
}

static unsigned char line_start(EditLine *el, int ch) {
    (void)ch;
    return line_edge(el, 0);
}

static unsigned char line_end(EditLine *el, int ch) {
    (void)ch;
    return line_edge(el, 1);
}

static unsigned char line_up(EditLine *el, int ch) {
    (void)ch;
    return move_line(el, 0);
}

static unsigned char line_down(EditLine *el, int ch) {
    (void)ch;
    return move_line(el, 1);
}

nn_editor *nn_editor_open(const char *program, FILE *in, FILE *out, FILE *err) {
    nn_editor *editor = calloc(1, sizeof *editor);
    if (!editor) return NULL;
    editor->el = el_init(program, in, out, err);
    if (!editor->el) { free(editor); return NULL; }
    editor->infd = fileno(in);
    editor->out = out;
    el_set(editor->el, EL_CLIENTDATA, editor);
    el_set(editor->el, EL_GETCFN, read_character);
    el_set(editor->el, EL_EDITOR, "emacs");
    // Characters between two NN_PROMPT_IGNORE bytes (colour escapes) take no columns.
    el_set(editor->el, EL_PROMPT_ESC, prompt_of, NN_PROMPT_IGNORE);
    el_set(editor->el, EL_SIGNAL, 1);
    el_set(editor->el, EL_ADDFN, "nn-complete", "complete the word at the cursor", complete_at_cursor);
    el_set(editor->el, EL_BIND, "^I", "nn-complete", NULL);
    el_set(editor->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    el_set(editor->el, EL_ADDFN, "nn-end-or-delete", "end input on a blank line, else delete", end_or_delete);
    el_set(editor->el, EL_BIND, "^D", "nn-end-or-delete", NULL);
    el_source(editor->el, NULL);
    // After the learner's ~/.editrc, so that text of several lines always edits as such.
    el_set(editor->el, EL_ADDFN, "nn-enter", "run the entry, or break the line of an unfinished block", enter);
    el_set(editor->el, EL_ADDFN, "nn-break-line", "break the line at the cursor", break_line);
    el_set(editor->el, EL_ADDFN, "nn-line-up", "up a line of the entry, else the previous history entry", line_up);
    el_set(editor->el, EL_ADDFN, "nn-line-down", "down a line of the entry, else the next history entry", line_down);
    el_set(editor->el, EL_ADDFN, "nn-insert-prefill", "insert the text the line starts with", insert_prefill);
    el_set(editor->el, EL_ADDFN, "nn-line-start", "to the start of the cursor's line", line_start);
    el_set(editor->el, EL_ADDFN, "nn-line-end", "to the end of the cursor's line", line_end);
    const char *bindings[][2] = {
        { "^M", "nn-enter" }, { "^J", "nn-enter" }, { "\\e^M", "nn-break-line" }, { "\\e^J", "nn-break-line" },
        { "\\e[A", "nn-line-up" }, { "\\eOA", "nn-line-up" }, { "\\e[B", "nn-line-down" }, { "\\eOB", "nn-line-down" },
        { "^A", "nn-line-start" }, { "\\e[H", "nn-line-start" }, { "\\eOH", "nn-line-start" }, { "\\e[1~", "nn-line-start" },
        { "^E", "nn-line-end" }, { "\\e[F", "nn-line-end" }, { "\\eOF", "nn-line-end" }, { "\\e[4~", "nn-line-end" },
        { NN_KEY_PREVIOUS_ENTRY, "ed-prev-history" }, { NN_KEY_NEXT_ENTRY, "ed-next-history" },
        { NN_KEY_ACCEPT, "ed-newline" }, { NN_KEY_PREFILL, "nn-insert-prefill" },
    };
    for (size_t index = 0; index < sizeof bindings / sizeof bindings[0]; index++) {
        el_set(editor->el, EL_BIND, bindings[index][0], bindings[index][1], NULL);
    }
    return editor;
}

void nn_editor_close(nn_editor *editor) {
    if (!editor) return;
    el_end(editor->el);
    free(editor->prompt);
    free(editor->prefill_text);
    free(editor);
}

void nn_editor_set_prompt(nn_editor *editor, const char *prompt) {
    free(editor->prompt);
    editor->prompt = strdup(prompt ? prompt : "");
}

void nn_editor_prefill(nn_editor *editor, int spaces) {
    editor->prefill = spaces < 0 ? 0 : spaces > NN_MAX_PREFILL ? NN_MAX_PREFILL : spaces;
}

void nn_editor_prefill_text(nn_editor *editor, const char *text) {
    free(editor->prefill_text);
    editor->prefill_text = (text && *text) ? strdup(text) : NULL;
}

void nn_editor_set_enter(nn_editor *editor, nn_enter_fn callback, void *context) {
    editor->enter = callback;
    editor->enter_context = context;
}

const char *nn_editor_read_line(nn_editor *editor, int *interrupted) {
    int count = 0;
    editor->interrupted = 0;
    // A Ctrl-C pressed while no line was being read (a cell was running) is not for this line.
    interrupt_pending = 0;
    // The spaces are handed out by read_character rather than put in the line first:
    // el_gets empties the line buffer (el_insertstr beforehand is lost) before it
    // draws the prompt, and only once it reads can waiting input be told apart.
    editor->line_started = 0;
    editor->queued = editor->prefill_text ? NN_KEY_PREFILL : NULL;
    editor->history_depth = 0;
    const char *line = el_gets(editor->el, &count);
    // Spaces and text not handed out (the line ended before its first read) are not for the next line.
    editor->prefill = 0;
    editor->queued = NULL;
    free(editor->prefill_text);
    editor->prefill_text = NULL;
    if (interrupted) *interrupted = editor->interrupted;
    return (count > 0 && !editor->interrupted) ? line : NULL;
}

void nn_editor_reset(nn_editor *editor) {
    el_reset(editor->el);
}

void nn_editor_set_completion(nn_editor *editor, nn_completion_fn callback, void *context) {
    editor->complete = callback;
    editor->context = context;
}

nn_history *nn_history_open(int capacity) {
    nn_history *list = calloc(1, sizeof *list);
    if (!list) return NULL;
    list->h = history_init();
    if (!list->h) { free(list); return NULL; }
    history(list->h, &list->event, H_SETSIZE, capacity);
    history(list->h, &list->event, H_SETUNIQUE, 1);
    return list;
}

void nn_history_close(nn_history *list) {
    if (!list) return;
    history_end(list->h);
    free(list);
}

void nn_history_add(nn_history *list, const char *line) {
    history(list->h, &list->event, H_ENTER, line);
}

int nn_history_load(nn_history *list, const char *path) {
    return history(list->h, &list->event, H_LOAD, path) < 0 ? -1 : 0;
}

int nn_history_save(nn_history *list, const char *path) {
    return history(list->h, &list->event, H_SAVE, path) < 0 ? -1 : 0;
}

int nn_history_count(nn_history *list) {
    if (history(list->h, &list->event, H_GETSIZE) < 0) return 0;
    return list->event.num;
}

const char *nn_history_entry(nn_history *list, int index) {
    int count = nn_history_count(list);
    if (index < 0 || index >= count) return NULL;
    // libedit walks from the newest entry (H_FIRST) towards the oldest (H_NEXT).
    if (history(list->h, &list->event, H_FIRST) < 0) return NULL;
    for (int step = 0; step < count - 1 - index; step++) {
        if (history(list->h, &list->event, H_NEXT) < 0) return NULL;
    }
    return list->event.str;
}

void nn_editor_set_history(nn_editor *editor, nn_history *list) {
    editor->history = list;
    el_set(editor->el, EL_HIST, history, list->h);
}

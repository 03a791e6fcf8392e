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
};

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
    return editor;
}

void nn_editor_close(nn_editor *editor) {
    if (!editor) return;
    el_end(editor->el);
    free(editor->prompt);
    free(editor);
}

void nn_editor_set_prompt(nn_editor *editor, const char *prompt) {
    free(editor->prompt);
    editor->prompt = strdup(prompt ? prompt : "");
}

void nn_editor_prefill(nn_editor *editor, int spaces) {
    editor->prefill = spaces < 0 ? 0 : spaces > NN_MAX_PREFILL ? NN_MAX_PREFILL : spaces;
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
    const char *line = el_gets(editor->el, &count);
    // Spaces not handed out (the line ended before its first read) are not for the next line.
    editor->prefill = 0;
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
    el_set(editor->el, EL_HIST, history, list->h);
}

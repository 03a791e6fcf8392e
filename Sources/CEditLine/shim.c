#include "CEditLine.h"

#include <histedit.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct nn_editor {
    EditLine *el;
    char *prompt;
    nn_completion_fn complete;
    void *context;
};

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
    if (status == 1 && insert[0] != '\0') {
        el_insertstr(el, insert);
        return CC_REFRESH;
    }
    if (status == 2) return CC_REDISPLAY;
    return CC_NORM;
}

nn_editor *nn_editor_open(const char *program, FILE *in, FILE *out, FILE *err) {
    nn_editor *editor = calloc(1, sizeof *editor);
    if (!editor) return NULL;
    editor->el = el_init(program, in, out, err);
    if (!editor->el) { free(editor); return NULL; }
    el_set(editor->el, EL_CLIENTDATA, editor);
    el_set(editor->el, EL_EDITOR, "emacs");
    el_set(editor->el, EL_PROMPT, prompt_of);
    el_set(editor->el, EL_SIGNAL, 1);
    el_set(editor->el, EL_ADDFN, "nn-complete", "complete the word at the cursor", complete_at_cursor);
    el_set(editor->el, EL_BIND, "^I", "nn-complete", NULL);
    el_set(editor->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
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

const char *nn_editor_read_line(nn_editor *editor, int *interrupted) {
    int count = 0;
    errno = 0;
    const char *line = el_gets(editor->el, &count);
    if (interrupted) *interrupted = (line == NULL && count == -1 && errno == EINTR) ? 1 : 0;
    return (count > 0) ? line : NULL;
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

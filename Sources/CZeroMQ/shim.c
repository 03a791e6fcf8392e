#include "CZeroMQ.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

// libzmq is opened with dlopen by the kernel alone: linked into the binary, it and the dozen libraries
// it needs (Kerberos, libsodium, OpenPGM, NORM) would be loaded and relocated by every `nnlearn run`.
// zmq.h still gives each function its type; nothing here refers to a libzmq symbol at link time.
static struct {
    __typeof__(&zmq_ctx_new) ctx_new;
    __typeof__(&zmq_ctx_term) ctx_term;
    __typeof__(&zmq_socket) socket;
    __typeof__(&zmq_setsockopt) setsockopt;
    __typeof__(&zmq_close) close;
    __typeof__(&zmq_bind) bind;
    __typeof__(&zmq_connect) connect;
    __typeof__(&zmq_send) send;
    __typeof__(&zmq_msg_init) msg_init;
    __typeof__(&zmq_msg_recv) msg_recv;
    __typeof__(&zmq_msg_close) msg_close;
    __typeof__(&zmq_msg_data) msg_data;
    __typeof__(&zmq_msg_more) msg_more;
    __typeof__(&zmq_poll) poll;
    __typeof__(&zmq_proxy) proxy;
    __typeof__(&zmq_errno) errno_;
    __typeof__(&zmq_strerror) strerror;
} zmq;

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static int loaded = 0;

int nn_zmq_load(const char *library, char *message, size_t capacity) {
    pthread_mutex_lock(&load_lock);
    void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *reason = dlerror();
        snprintf(message, capacity, "%s", reason ? reason : library);
        pthread_mutex_unlock(&load_lock);
        return -1;
    }
    __typeof__(zmq) table;
    const char *missing = NULL;
#define NN_ZMQ_FIND(field, symbol) \
    if (!missing && !(*(void **)&table.field = dlsym(handle, #symbol))) missing = #symbol;
    NN_ZMQ_FIND(ctx_new, zmq_ctx_new)
    NN_ZMQ_FIND(ctx_term, zmq_ctx_term)
    NN_ZMQ_FIND(socket, zmq_socket)
    NN_ZMQ_FIND(setsockopt, zmq_setsockopt)
    NN_ZMQ_FIND(close, zmq_close)
    NN_ZMQ_FIND(bind, zmq_bind)
    NN_ZMQ_FIND(connect, zmq_connect)
    NN_ZMQ_FIND(send, zmq_send)
    NN_ZMQ_FIND(msg_init, zmq_msg_init)
    NN_ZMQ_FIND(msg_recv, zmq_msg_recv)
    NN_ZMQ_FIND(msg_close, zmq_msg_close)
    NN_ZMQ_FIND(msg_data, zmq_msg_data)
    NN_ZMQ_FIND(msg_more, zmq_msg_more)
    NN_ZMQ_FIND(poll, zmq_poll)
    NN_ZMQ_FIND(proxy, zmq_proxy)
    NN_ZMQ_FIND(errno_, zmq_errno)
    NN_ZMQ_FIND(strerror, zmq_strerror)
#undef NN_ZMQ_FIND
    if (missing) {
        snprintf(message, capacity, "%s has no function %s", library, missing);
        dlclose(handle);
        pthread_mutex_unlock(&load_lock);
        return -1;
    }
    if (loaded) {
        // The table in use stays; this handle only counted one more reference to a library already open.
        dlclose(handle);
    } else {
        zmq = table;
        loaded = 1;
    }
    pthread_mutex_unlock(&load_lock);
    return 0;
}

void *nn_zmq_context(void) { return zmq.ctx_new(); }

void nn_zmq_context_end(void *context) {
    if (context) zmq.ctx_term(context);
}

void *nn_zmq_socket(void *context, int kind) {
    void *socket = zmq.socket(context, kind);
    if (socket) {
        // Closing waits at most this long for frames still queued (a shutdown reply).
        int linger = 1000;
        zmq.setsockopt(socket, ZMQ_LINGER, &linger, sizeof linger);
    }
    return socket;
}

void nn_zmq_close(void *socket) {
    if (socket) zmq.close(socket);
}

int nn_zmq_bind(void *socket, const char *endpoint) { return zmq.bind(socket, endpoint) == 0 ? 0 : -1; }

int nn_zmq_connect(void *socket, const char *endpoint) { return zmq.connect(socket, endpoint) == 0 ? 0 : -1; }

int nn_zmq_send(void *socket, const void *data, size_t size, int more) {
    for (;;) {
        if (zmq.send(socket, data, size, more ? ZMQ_SNDMORE : 0) >= 0) return 0;
        // A signal (Ctrl-C) may cut a send short; the frame must still go.
        if (zmq.errno_() != EINTR) return -1;
    }
}

long nn_zmq_receive(void *socket, void **data, int *more, int wait) {
    zmq_msg_t message;
    zmq.msg_init(&message);
    int size = zmq.msg_recv(&message, socket, wait ? 0 : ZMQ_DONTWAIT);
    if (size < 0) {
        zmq.msg_close(&message);
        return -1;
    }
    // malloc(0) may return NULL; one byte keeps "no data" apart from failure.
    void *copy = malloc(size > 0 ? (size_t)size : 1);
    if (!copy) {
        zmq.msg_close(&message);
        errno = ENOMEM;
        return -1;
    }
    memcpy(copy, zmq.msg_data(&message), (size_t)size);
    *more = zmq.msg_more(&message);
    *data = copy;
    zmq.msg_close(&message);
    return size;
}

void nn_zmq_free(void *data) { free(data); }

int nn_zmq_poll(void **sockets, int *ready, int count, long timeout_ms) {
    zmq_pollitem_t items[8];
    if (count < 0 || count > 8) {
        errno = EINVAL;
        return -1;
    }
    for (int i = 0; i < count; i++) {
        items[i].socket = sockets[i];
        items[i].fd = 0;
        items[i].events = ZMQ_POLLIN;
        items[i].revents = 0;
    }
    int result = zmq.poll(items, count, timeout_ms);
    for (int i = 0; i < count; i++) ready[i] = (items[i].revents & ZMQ_POLLIN) != 0;
    return result;
}

void nn_zmq_echo(void *socket) {
    // A ROUTER proxied to itself sends each ping back to the peer it came from; it returns
    // when the context is terminated, and the socket is closed so that the termination can finish.
    zmq.proxy(socket, socket, NULL);
    zmq.close(socket);
}

int nn_zmq_error(void) { return loaded ? zmq.errno_() : errno; }

const char *nn_zmq_error_text(int error) { return loaded ? zmq.strerror(error) : strerror(error); }

int nn_zmq_again(void) { return EAGAIN; }

int nn_zmq_interrupted(void) { return EINTR; }

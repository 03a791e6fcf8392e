#include "CZeroMQ.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

void *nn_zmq_context(void) { return zmq_ctx_new(); }

void nn_zmq_context_end(void *context) {
    if (context) zmq_ctx_term(context);
}

void *nn_zmq_socket(void *context, int kind) {
    void *socket = zmq_socket(context, kind);
    if (socket) {
        // Closing waits at most this long for frames still queued (a shutdown reply).
        int linger = 1000;
        zmq_setsockopt(socket, ZMQ_LINGER, &linger, sizeof linger);
    }
    return socket;
}

void nn_zmq_close(void *socket) {
    if (socket) zmq_close(socket);
}

int nn_zmq_bind(void *socket, const char *endpoint) { return zmq_bind(socket, endpoint) == 0 ? 0 : -1; }

int nn_zmq_connect(void *socket, const char *endpoint) { return zmq_connect(socket, endpoint) == 0 ? 0 : -1; }

int nn_zmq_send(void *socket, const void *data, size_t size, int more) {
    for (;;) {
        if (zmq_send(socket, data, size, more ? ZMQ_SNDMORE : 0) >= 0) return 0;
        // A signal (Ctrl-C) may cut a send short; the frame must still go.
        if (zmq_errno() != EINTR) return -1;
    }
}

long nn_zmq_receive(void *socket, void **data, int *more, int wait) {
    zmq_msg_t message;
    zmq_msg_init(&message);
    int size = zmq_msg_recv(&message, socket, wait ? 0 : ZMQ_DONTWAIT);
    if (size < 0) {
        zmq_msg_close(&message);
        return -1;
    }
    // malloc(0) may return NULL; one byte keeps "no data" apart from failure.
    void *copy = malloc(size > 0 ? (size_t)size : 1);
    if (!copy) {
        zmq_msg_close(&message);
        errno = ENOMEM;
        return -1;
    }
    memcpy(copy, zmq_msg_data(&message), (size_t)size);
    *more = zmq_msg_more(&message);
    *data = copy;
    zmq_msg_close(&message);
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
    int result = zmq_poll(items, count, timeout_ms);
    for (int i = 0; i < count; i++) ready[i] = (items[i].revents & ZMQ_POLLIN) != 0;
    return result;
}

void nn_zmq_echo(void *socket) {
    // A ROUTER proxied to itself sends each ping back to the peer it came from; it returns
    // when the context is terminated, and the socket is closed so that the termination can finish.
    zmq_proxy(socket, socket, NULL);
    zmq_close(socket);
}

int nn_zmq_error(void) { return zmq_errno(); }

const char *nn_zmq_error_text(int error) { return zmq_strerror(error); }

int nn_zmq_again(void) { return EAGAIN; }

int nn_zmq_interrupted(void) { return EINTR; }

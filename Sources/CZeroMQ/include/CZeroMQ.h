#ifndef CZEROMQ_H
#define CZEROMQ_H

#include <stddef.h>

/// ZeroMQ behind a few plain functions: the socket kinds a Jupyter kernel uses,
/// whole frames in and out (zmq_msg_t stays on the C side), and polling.

/// The socket kinds a kernel needs (values of ZMQ_ROUTER and friends).
enum {
    NN_ZMQ_PAIR = 0,
    NN_ZMQ_PUB = 1,
    NN_ZMQ_REP = 4,
    NN_ZMQ_ROUTER = 6,
    NN_ZMQ_PULL = 7,
    NN_ZMQ_PUSH = 8,
};

/// Opens libzmq (a file name such as libzmq.so.5, or a path) and finds its functions; every other function
/// here needs it to have succeeded once (later successful loads keep the first table). 0 on success; -1 with the reason
/// (the loader's message, or the function that is missing) written to `message`.
int nn_zmq_load(const char *library, char *message, size_t capacity);

/// A new context; NULL when ZeroMQ cannot start.
void *nn_zmq_context(void);
/// Ends a context, closing what is left of its sockets.
void nn_zmq_context_end(void *context);

/// A socket of one of the kinds above whose closing waits at most a second for queued frames; NULL on failure.
void *nn_zmq_socket(void *context, int kind);
void nn_zmq_close(void *socket);

/// Binds to an endpoint such as tcp://127.0.0.1:5555; 0 on success, -1 with nn_zmq_error().
int nn_zmq_bind(void *socket, const char *endpoint);
/// Connects to an endpoint; 0 on success, -1 with nn_zmq_error().
int nn_zmq_connect(void *socket, const char *endpoint);

/// Sends one frame; `more` says another frame of the same message follows. 0 on success.
int nn_zmq_send(void *socket, const void *data, size_t size, int more);

/// Receives one frame into a buffer from malloc (free it with nn_zmq_free) and whether more frames
/// follow. With `wait` 0 it returns at once: -1 when nothing waits (nn_zmq_error() is EAGAIN).
/// Returns the frame's size, or -1 on failure (EINTR when a signal arrived).
long nn_zmq_receive(void *socket, void **data, int *more, int wait);
void nn_zmq_free(void *data);

/// Waits up to `timeout_ms` (-1: forever) until one of `count` sockets has a message to read.
/// Sets ready[i] to 1 for each that has. Returns how many are ready, 0 on timeout, -1 on failure.
int nn_zmq_poll(void **sockets, int *ready, int count, long timeout_ms);

/// Echoes every message back to its sender until the context ends (the heartbeat), then closes the socket; blocks.
void nn_zmq_echo(void *socket);

/// The last error number of this thread, and its text.
int nn_zmq_error(void);
const char *nn_zmq_error_text(int error);
/// EAGAIN and EINTR as ZeroMQ reports them.
int nn_zmq_again(void);
int nn_zmq_interrupted(void);

#endif

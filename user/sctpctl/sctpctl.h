/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _SCTPCTL_H
#define _SCTPCTL_H

#include <sctpnl.h>

enum out_fmt {
	FMT_TABLE,
	FMT_JSON,
	FMT_ERL,
};

struct out {
	enum out_fmt fmt;
	unsigned int json_flags;
	struct sctpnl_json *j;		/* FMT_JSON, when an array is open */
	unsigned int n;			/* objects printed */
	int list;
	int procs;			/* -P: owning processes (users:) */
	int stats;			/* -s: per-association stats line */
	int pid;			/* filter pid N (0: none) */
	const char *comm;		/* filter comm NAME */
	struct fnode *expr;		/* filter expression (filter.c) */
	int family;			/* -4, -6: AF_INET, AF_INET6 */
};

/* filter.c: ss-like filter expressions, evaluated in sctpctl */
struct fnode;
int filter_is_expr(int argc, char **argv);
struct fnode *filter_parse(int argc, char **argv);
int filter_match(const struct fnode *n, const struct sctpnl_assoc *a);
int filter_needs_procs(const struct fnode *n);
int filter_state_group(const char *name, uint32_t *mask);
int filter_parse_states(const char *arg, uint32_t *mask);
int family_match(int family, const struct sctpnl_assoc *a);

/* procs.c: the processes holding each socket inode, as ss -p. */
struct proc_sock {
	uint64_t ino;
	int pid;
	int fd;
	char comm[32];
};

int procs_scan(void);
const struct proc_sock *procs_find(uint64_t ino, size_t *n);
char *procs_users(uint64_t ino, char *buf, size_t len);
int procs_match(uint64_t ino, int pid, const char *comm);
void procs_json(struct sctpnl_json *j, uint64_t ino);

/* output.c */
/* list: a JSON array of objects (else one object) */
void out_begin(struct out *o, int list);
int out_end(struct out *o);
int out_assoc(struct out *o, const struct sctpnl_assoc *a);
int out_status(struct out *o, const struct sctpnl_assoc *a);
int out_paddrs(struct out *o, const struct sctpnl_assoc *a);
int out_ep(struct out *o, const struct sctpnl_ep *e);
int out_snmp(struct out *o, const struct sctpnl_snmp *s);
void out_empty_header(struct out *o, int ep);

/* cli.c: shared by every command */
struct sctpnl *cli_handle(void);	/* after open_handle() */
void cli_close(void);
int fail(int err, const char *what);
int fail_admin(int err, const char *what);
int bad_arg(const char *fmt, const char *arg);
int open_handle(void);
int parse_u64(const char *s, uint64_t max, uint64_t *v);
int parse_key(int argc, char **argv, struct sctpnl_key *k);
int parse_filter(int argc, char **argv, struct sctpnl_filter *f,
		 struct out *o);

/* set.c: set, abort, eof */
int cmd_set(int argc, char **argv);
int cmd_abort(int argc, char **argv);
int cmd_eof(int argc, char **argv);

/* summary.c: summary (ss -s) */
int cmd_summary(struct out *o, int argc, char **argv);

/* top.c: top (a live, sorted view) */
int cmd_top(struct out *o, int argc, char **argv);

/* monitor.c: monitor, probe */
int cmd_monitor(struct out *o, int argc, char **argv);
int cmd_probe(int argc, char **argv);

/* export.c: the exporter's metrics for the textfile collector */
int cmd_export(int argc, char **argv);

#endif /* _SCTPCTL_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * The processes holding each socket, the way ss -p finds them: every
 * /proc/PID/fd/N that links to "socket:[INODE]".  One scan per run (or
 * per refresh of top), sorted by inode, looked up by binary search.
 * Without privilege only our own processes are visible, as for ss.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sctpctl.h"

static struct proc_sock *socks;
static size_t n_socks, cap_socks;

static int add(uint64_t ino, int pid, int fd, const char *comm)
{
	struct proc_sock *p;

	if (n_socks == cap_socks) {
		size_t cap = cap_socks ? 2 * cap_socks : 1024;

		p = realloc(socks, cap * sizeof(*p));
		if (!p)
			return -ENOMEM;
		socks = p;
		cap_socks = cap;
	}
	p = &socks[n_socks++];
	p->ino = ino;
	p->pid = pid;
	p->fd = fd;
	snprintf(p->comm, sizeof(p->comm), "%s", comm);
	return 0;
}

static void read_comm(int pid, char *comm, size_t len)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	comm[0] = '\0';
	f = fopen(path, "r");
	if (!f)
		return;
	if (fgets(comm, len, f))
		comm[strcspn(comm, "\n")] = '\0';
	fclose(f);
}

static int scan_pid(int pid)
{
	char path[320], link[64], comm[32] = "";
	struct dirent *d;
	DIR *fds;
	int err = 0;

	snprintf(path, sizeof(path), "/proc/%d/fd", pid);
	fds = opendir(path);
	if (!fds)
		return 0;	/* gone, or not ours to see */
	while (!err && (d = readdir(fds))) {
		unsigned long long ino;
		ssize_t n;

		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		snprintf(path, sizeof(path), "/proc/%d/fd/%s", pid,
			 d->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = '\0';
		if (sscanf(link, "socket:[%llu]", &ino) != 1)
			continue;
		if (!comm[0])
			read_comm(pid, comm, sizeof(comm));
		err = add(ino, pid, atoi(d->d_name), comm);
	}
	closedir(fds);
	return err;
}

static int cmp_sock(const void *a, const void *b)
{
	const struct proc_sock *x = a, *y = b;

	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return x->fd - y->fd;
}

int procs_scan(void)
{
	struct dirent *d;
	DIR *proc;
	int err = 0;

	n_socks = 0;
	proc = opendir("/proc");
	if (!proc)
		return -errno;
	/* not ourselves: what we hold we inherited from our caller */
	while (!err && (d = readdir(proc)))
		if (isdigit((unsigned char)d->d_name[0]) &&
		    atoi(d->d_name) != getpid())
			err = scan_pid(atoi(d->d_name));
	closedir(proc);
	if (n_socks)
		qsort(socks, n_socks, sizeof(*socks), cmp_sock);
	return err;
}

const struct proc_sock *procs_find(uint64_t ino, size_t *n)
{
	size_t lo = 0, hi = n_socks, first;

	*n = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (socks[mid].ino < ino)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	while (lo < n_socks && socks[lo].ino == ino)
		lo++;
	*n = lo - first;
	return *n ? &socks[first] : NULL;
}

/* users:(("name",pid=P,fd=F),...) as ss -p prints it; "" if none. */
char *procs_users(uint64_t ino, char *buf, size_t len)
{
	const struct proc_sock *p;
	size_t n, i, off;

	buf[0] = '\0';
	p = procs_find(ino, &n);
	if (!n || len < 16)
		return buf;
	off = snprintf(buf, len, "users:(");
	for (i = 0; i < n && off < len; i++)
		off += snprintf(buf + off, len - off,
				"%s(\"%s\",pid=%d,fd=%d)", i ? "," : "",
				p[i].comm, p[i].pid, p[i].fd);
	if (off < len)
		snprintf(buf + off, len - off, ")");
	return buf;
}

/* Does a process matching @pid (>0) or @comm (non-NULL) hold @ino? */
int procs_match(uint64_t ino, int pid, const char *comm)
{
	const struct proc_sock *p;
	size_t n, i;

	p = procs_find(ino, &n);
	for (i = 0; i < n; i++)
		if ((pid > 0 && p[i].pid == pid) ||
		    (comm && !strcmp(p[i].comm, comm)))
			return 1;
	return 0;
}

void procs_json(struct sctpnl_json *j, uint64_t ino)
{
	const struct proc_sock *p;
	size_t n, i;

	p = procs_find(ino, &n);
	sctpnl_json_begin_array(j, "users");
	for (i = 0; i < n; i++) {
		sctpnl_json_begin_object(j, NULL);
		sctpnl_json_string(j, "name", p[i].comm);
		sctpnl_json_uint(j, "pid", p[i].pid);
		sctpnl_json_uint(j, "fd", p[i].fd);
		sctpnl_json_end_object(j);
	}
	sctpnl_json_end_array(j);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * sctpctl export: the exporter's metrics once, for node_exporter's
 * textfile collector.  The metric code is the exporter's own
 * (user/exporter/metrics.c); only the event counters are missing, since
 * nothing here runs between two exports.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sctpctl.h"
#include "metrics.h"

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += n;
		len -= n;
	}
	return 0;
}

/*
 * The textfile collector may read FILE at any time: write a temporary
 * file in the same directory (same filesystem) and rename it over FILE,
 * so that it only ever sees a whole export.
 */
static int write_atomic(const char *file, const struct mx_buf *b)
{
	char *d = strdup(file), *base = strdup(file), *tmp = NULL;
	int fd = -1, err = -ENOMEM;

	if (!d || !base ||
	    asprintf(&tmp, "%s/.%s.XXXXXX", dirname(d), basename(base)) < 0) {
		tmp = NULL;
		goto out;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = -errno;
		goto out;
	}
	err = write_all(fd, b->p, b->len);
	if (!err && (fchmod(fd, 0644) || fsync(fd)))
		err = -errno;
	if (close(fd) && !err)
		err = -errno;
	if (!err && rename(tmp, file))
		err = -errno;
	if (err)
		unlink(tmp);
out:
	free(tmp);
	free(d);
	free(base);
	return err;
}

int cmd_export(int argc, char **argv)
{
	struct mx_filter f = { .max = 0 };
	struct mx_opts o = { .filter = &f };
	struct mx_buf b = { 0 };
	const char *file = NULL;
	int i, err, ret = 1;

	for (i = 0; i < argc; i++) {
		const char *k = argv[i], *v = argv[i + 1];

		if (!strcmp(k, "assoc")) {
			f.enabled = 1;
			continue;
		}
		if (!strcmp(k, "--openmetrics")) {
			o.flags |= MX_OPENMETRICS;
			continue;
		}
		if (!v) {
			bad_arg("export: \"%s\" needs a value", k);
			goto out;
		}
		if (!strcmp(k, "--out") || !strcmp(k, "-o")) {
			file = v;
		} else {
			err = mx_filter_parse(&f, k, v);
			if (err == -ENOENT) {
				bad_arg("export: unknown argument \"%s\"", k);
				goto out;
			} else if (err == -ENOMEM) {
				fail(ENOMEM, NULL);
				goto out;
			} else if (err) {
				bad_arg("export: bad value \"%s\"", v);
				goto out;
			}
		}
		i++;
	}
	if (f.set && !f.enabled) {
		bad_arg("export: %s: filters need \"assoc\" first",
			argv[0]);
		goto out;
	}
	if (open_handle())
		goto out;
	err = mx_collect(cli_handle(), &o, &b);
	if (err) {
		fail(err, "export");
		goto out;
	}
	if (file)
		err = write_atomic(file, &b);
	else
		err = write_all(STDOUT_FILENO, b.p, b.len);
	if (err) {
		fail(err, file ? file : "stdout");
		goto out;
	}
	ret = 0;
out:
	mx_buf_free(&b);
	mx_filter_free(&f);
	return ret;
}

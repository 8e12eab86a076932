// SPDX-License-Identifier: GPL-2.0
/*
 * sctpctl set / abort / eof: change or end any association of the
 * namespace, thin over libsctpnl's setters.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sctpctl.h"

/* ASSOC is one word (an id) or two (LADDR:LPORT PADDR:PPORT). */
static int take_key(int *argc, char ***argv, struct sctpnl_key *k,
		    const char *cmd)
{
	uint64_t n;
	int words;

	if (!*argc)
		return bad_arg("%s: missing ASSOC", cmd);
	words = parse_u64((*argv)[0], UINT32_MAX, &n) ? 2 : 1;
	if (*argc < words)
		return bad_arg("%s: expected an association id or LADDR:LPORT "
			       "PADDR:PPORT", cmd);
	if (parse_key(words, *argv, k))
		return 1;
	*argc -= words;
	*argv += words;
	return 0;
}

/* Strip an optional "sctp_" prefix, then compare with the names given. */
static int is_opt(const char *arg, const char *a, const char *b)
{
	if (!strncmp(arg, "sctp_", 5))
		arg += 5;
	return !strcmp(arg, a) || (b && !strcmp(arg, b));
}

static int num(const char *k, const char *v, uint64_t max, uint64_t *n)
{
	if (!v)
		return bad_arg("\"%s\" needs a value", k);
	if (parse_u64(v, max, n))
		return bad_arg("bad value for \"%s\"", k);
	return 0;
}

static int onoff(const char *v, int *on)
{
	if (!v)
		return bad_arg("%s", "expected on or off");
	if (!strcmp(v, "on") || !strcmp(v, "true") || !strcmp(v, "1"))
		*on = 1;
	else if (!strcmp(v, "off") || !strcmp(v, "false") || !strcmp(v, "0"))
		*on = 0;
	else
		return bad_arg("expected on or off, not \"%s\"", v);
	return 0;
}

struct flag_name {
	const char *name;
	uint32_t bit;
};

static const struct flag_name spp_flags[] = {
	{ "hb_enable", SCTPNL_SPP_HB_ENABLE },
	{ "hb_disable", SCTPNL_SPP_HB_DISABLE },
	{ "hb_demand", SCTPNL_SPP_HB_DEMAND },
	{ "pmtud_enable", SCTPNL_SPP_PMTUD_ENABLE },
	{ "pmtud_disable", SCTPNL_SPP_PMTUD_DISABLE },
	{ "sackdelay_enable", SCTPNL_SPP_SACKDELAY_ENABLE },
	{ "sackdelay_disable", SCTPNL_SPP_SACKDELAY_DISABLE },
	/* with hb_enable: a zero heartbeat interval (hbinterval 0 is the
	 * stack's "unchanged") */
	{ "hb_time_is_zero", SCTPNL_SPP_HB_TIME_IS_ZERO },
	{ NULL, 0 },
};

static const struct flag_name sinfo_flags[] = {
	{ "unordered", SCTPNL_SINFO_UNORDERED },
	{ "addr_over", SCTPNL_SINFO_ADDR_OVER },
	{ "abort", SCTPNL_SINFO_ABORT },
	{ "eof", SCTPNL_SINFO_EOF },
	{ NULL, 0 },
};

static int parse_flags(const char *arg, const struct flag_name *names,
		       uint32_t *mask)
{
	char buf[256], *tok, *save = NULL;

	*mask = 0;
	if (!arg)
		return bad_arg("%s", "flags needs a value");
	if (!*arg || !strcmp(arg, "none"))
		return 0;
	if (strlen(arg) >= sizeof(buf))
		return bad_arg("bad flags \"%s\"", arg);
	strcpy(buf, arg);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		const struct flag_name *f;

		for (f = names; f->name; f++)
			if (!strcmp(tok, f->name))
				break;
		if (!f->name)
			return bad_arg("unknown flag \"%s\"", tok);
		*mask |= f->bit;
	}
	return 0;
}

/* "key value" pairs: each handler takes one pair. */
#define FOR_PAIRS(argc, argv, i)					\
	for (i = 0; i < argc; i += 2)

static int set_rtoinfo(const struct sctpnl_key *k, int argc, char **argv)
{
	struct sctpnl_rtoinfo r = { 0 };
	uint64_t n;
	int i;

	FOR_PAIRS(argc, argv, i) {
		const char *f = argv[i];

		if (num(f, argv[i + 1], UINT32_MAX, &n))
			return 1;
		if (!strcmp(f, "initial")) {
			r.initial = n;
			SCTPNL_SETF(&r, SCTPNL_RTOINFO_INITIAL);
		} else if (!strcmp(f, "max")) {
			r.max = n;
			SCTPNL_SETF(&r, SCTPNL_RTOINFO_MAX_RTO);
		} else if (!strcmp(f, "min")) {
			r.min = n;
			SCTPNL_SETF(&r, SCTPNL_RTOINFO_MIN);
		} else {
			return bad_arg("rtoinfo: unknown field \"%s\"", f);
		}
	}
	if (open_handle())
		return 1;
	return sctpnl_set_rtoinfo(cli_handle(), k, &r);
}

static int set_associnfo(const struct sctpnl_key *k, int argc, char **argv)
{
	struct sctpnl_assocparams p = { 0 };
	uint64_t n;
	int i;

	FOR_PAIRS(argc, argv, i) {
		const char *f = argv[i];

		if (!strcmp(f, "asocmaxrxt")) {
			if (num(f, argv[i + 1], UINT16_MAX, &n))
				return 1;
			p.asocmaxrxt = n;
			SCTPNL_SETF(&p, SCTPNL_ASSOCPARAMS_ASOCMAXRXT);
		} else if (!strcmp(f, "cookie_life")) {
			if (num(f, argv[i + 1], UINT32_MAX, &n))
				return 1;
			p.cookie_life = n;
			SCTPNL_SETF(&p, SCTPNL_ASSOCPARAMS_COOKIE_LIFE);
		} else {
			return bad_arg("associnfo: unknown or read-only field "
				       "\"%s\"", f);
		}
	}
	if (open_handle())
		return 1;
	return sctpnl_set_assocparams(cli_handle(), k, &p);
}

static int set_initmsg(const struct sctpnl_key *k, int argc, char **argv)
{
	static const char *const names[] = {
		"num_ostreams", "max_instreams", "max_attempts",
		"max_init_timeo",
	};
	struct sctpnl_initmsg m = { 0 };
	uint16_t *fields[] = {
		&m.num_ostreams, &m.max_instreams, &m.max_attempts,
		&m.max_init_timeo,
	};
	uint64_t n;
	int i, j;

	FOR_PAIRS(argc, argv, i) {
		for (j = 0; j < 4; j++)
			if (!strcmp(argv[i], names[j]))
				break;
		if (j == 4)
			return bad_arg("initmsg: unknown field \"%s\"", argv[i]);
		if (num(argv[i], argv[i + 1], UINT16_MAX, &n))
			return 1;
		*fields[j] = n;
		SCTPNL_SETF(&m, SCTPNL_INITMSG_NUM_OSTREAMS + j);
	}
	if (open_handle())
		return 1;
	return sctpnl_set_initmsg(cli_handle(), k, &m);
}

#define SPP_HB		(SCTPNL_SPP_HB_ENABLE | SCTPNL_SPP_HB_DISABLE)
#define SPP_PMTUD	(SCTPNL_SPP_PMTUD_ENABLE | SCTPNL_SPP_PMTUD_DISABLE)
#define SPP_SACK	(SCTPNL_SPP_SACKDELAY_ENABLE | \
			 SCTPNL_SPP_SACKDELAY_DISABLE)

static int set_paddrparams(const struct sctpnl_key *k, int argc, char **argv)
{
	struct sctpnl_paddrparams p = { 0 };
	uint32_t implied = 0;
	uint64_t n;
	int i;

	FOR_PAIRS(argc, argv, i) {
		const char *f = argv[i], *v = argv[i + 1];

		if (!strcmp(f, "addr") || !strcmp(f, "address")) {
			if (!v || sctpnl_addr_pton(v, &p.address, 0))
				return bad_arg("bad address \"%s\"",
					       v ? v : "");
			SCTPNL_SETF(&p, SCTPNL_PADDRPARAMS_ADDRESS);
		} else if (!strcmp(f, "hbinterval")) {
			if (num(f, v, UINT32_MAX, &n))
				return 1;
			p.hbinterval = n;
			implied |= SCTPNL_SPP_HB_ENABLE;
			SCTPNL_SETF(&p, SCTPNL_PADDRPARAMS_HBINTERVAL);
		} else if (!strcmp(f, "pathmaxrxt")) {
			if (num(f, v, UINT16_MAX, &n))
				return 1;
			p.pathmaxrxt = n;
			SCTPNL_SETF(&p, SCTPNL_PADDRPARAMS_PATHMAXRXT);
		} else if (!strcmp(f, "pathmtu") || !strcmp(f, "mtu")) {
			if (num(f, v, UINT32_MAX, &n))
				return 1;
			p.pathmtu = n;
			implied |= SCTPNL_SPP_PMTUD_DISABLE;
			SCTPNL_SETF(&p, SCTPNL_PADDRPARAMS_PATHMTU);
		} else if (!strcmp(f, "sackdelay")) {
			if (num(f, v, UINT32_MAX, &n))
				return 1;
			p.sackdelay = n;
			implied |= SCTPNL_SPP_SACKDELAY_ENABLE;
			SCTPNL_SETF(&p, SCTPNL_PADDRPARAMS_SACKDELAY);
		} else if (!strcmp(f, "flags")) {
			if (parse_flags(v, spp_flags, &p.flags))
				return 1;
			SCTPNL_SETF(&p, SCTPNL_PADDRPARAMS_FLAGS);
		} else {
			return bad_arg("paddrparams: unknown field \"%s\"", f);
		}
	}
	if (p.flags & SCTPNL_SPP_HB_TIME_IS_ZERO)
		implied |= SCTPNL_SPP_HB_ENABLE;
	/* The sockets API applies a value only with its flag. */
	if ((p.flags & SPP_HB) && (implied & SPP_HB))
		implied &= ~SPP_HB;
	if ((p.flags & SPP_PMTUD) && (implied & SPP_PMTUD))
		implied &= ~SPP_PMTUD;
	if ((p.flags & SPP_SACK) && (implied & SPP_SACK))
		implied &= ~SPP_SACK;
	if (implied) {
		p.flags |= implied;
		SCTPNL_SETF(&p, SCTPNL_PADDRPARAMS_FLAGS);
	}
	if (open_handle())
		return 1;
	return sctpnl_set_paddrparams(cli_handle(), k, &p);
}

static int one_addr(const char *opt, int argc, char **argv,
		    struct sctpnl_addr *a)
{
	if (argc != 1)
		return bad_arg("%s: expected one address", opt);
	if (sctpnl_addr_pton(argv[0], a, 0))
		return bad_arg("bad address \"%s\"", argv[0]);
	return 0;
}

static int set_primary(const struct sctpnl_key *k, int argc, char **argv)
{
	struct sctpnl_prim p = { 0 };

	if (one_addr("primary_addr", argc, argv, &p.addr))
		return 1;
	SCTPNL_SETF(&p, SCTPNL_PRIM_ADDR);
	if (open_handle())
		return 1;
	return sctpnl_set_primary(cli_handle(), k, &p);
}

static int set_peer_primary(const struct sctpnl_key *k, int argc,
			    char **argv)
{
	struct sctpnl_setpeerprim p = { 0 };

	if (one_addr("set_peer_primary_addr", argc, argv, &p.addr))
		return 1;
	SCTPNL_SETF(&p, SCTPNL_SETPEERPRIM_ADDR);
	if (open_handle())
		return 1;
	return sctpnl_set_peer_primary(cli_handle(), k, &p);
}

static int set_delayed_ack(const struct sctpnl_key *k, int argc, char **argv)
{
	struct sctpnl_sack_info s = { 0 };
	uint64_t n;

	if (argc != 1 && argc != 3)
		return bad_arg("%s", "delayed_ack_time: expected MS [freq N]");
	if (num("delayed_ack_time", argv[0], UINT32_MAX, &n))
		return 1;
	s.delay = n;
	SCTPNL_SETF(&s, SCTPNL_SACK_INFO_DELAY);
	if (argc == 3) {
		if (strcmp(argv[1], "freq"))
			return bad_arg("delayed_ack_time: unknown field \"%s\"",
				       argv[1]);
		if (num("freq", argv[2], UINT32_MAX, &n))
			return 1;
		s.freq = n;
		SCTPNL_SETF(&s, SCTPNL_SACK_INFO_FREQ);
	}
	if (open_handle())
		return 1;
	return sctpnl_set_sack_info(cli_handle(), k, &s);
}

static int set_default_send(const struct sctpnl_key *k, int argc,
			    char **argv)
{
	struct sctpnl_sndrcvinfo s = { 0 };
	uint32_t flags;
	uint64_t n;
	int i;

	FOR_PAIRS(argc, argv, i) {
		const char *f = argv[i], *v = argv[i + 1];

		if (!strcmp(f, "flags")) {
			if (parse_flags(v, sinfo_flags, &flags))
				return 1;
			s.flags = flags;
			SCTPNL_SETF(&s, SCTPNL_SNDRCVINFO_FLAGS);
			continue;
		}
		if (num(f, v, !strcmp(f, "stream") ? UINT16_MAX : UINT32_MAX,
			&n))
			return 1;
		if (!strcmp(f, "stream")) {
			s.stream = n;
			SCTPNL_SETF(&s, SCTPNL_SNDRCVINFO_STREAM);
		} else if (!strcmp(f, "ppid")) {
			s.ppid = n;
			SCTPNL_SETF(&s, SCTPNL_SNDRCVINFO_PPID);
		} else if (!strcmp(f, "context")) {
			s.context = n;
			SCTPNL_SETF(&s, SCTPNL_SNDRCVINFO_CONTEXT);
		} else if (!strcmp(f, "timetolive")) {
			s.timetolive = n;
			SCTPNL_SETF(&s, SCTPNL_SNDRCVINFO_TIMETOLIVE);
		} else {
			return bad_arg("default_send_param: unknown or "
				       "receive-only field \"%s\"", f);
		}
	}
	if (open_handle())
		return 1;
	return sctpnl_set_default_send(cli_handle(), k, &s);
}

static int one_value(const char *opt, int argc, char **argv, uint64_t *n)
{
	if (argc != 1)
		return bad_arg("%s: expected one value", opt);
	return num(opt, argv[0], UINT32_MAX, n);
}

/* On or off, then the request. */
static int set_flag(struct sctpnl_key *k, const char *opt, int argc,
		    char **argv,
		    int (*fn)(struct sctpnl *, const struct sctpnl_key *, int))
{
	int on = 0;

	if (argc != 1)
		return bad_arg("%s: expected on or off", opt);
	if (onoff(argv[0], &on) || open_handle())
		return 1;
	return fn(cli_handle(), k, on);
}

/*
 * The options of one value: 1 after a usage error, else the request's
 * result; *found says whether opt is one of them.
 */
static int set_scalar(struct sctpnl_key *k, const char *opt, int argc,
		      char **argv, int *found)
{
	struct sctpnl_setadaptation a = { 0 };
	uint64_t n;

	*found = 1;
	if (is_opt(opt, "nodelay", NULL))
		return set_flag(k, opt, argc, argv, sctpnl_set_nodelay);
	if (is_opt(opt, "disable_fragments", NULL))
		return set_flag(k, opt, argc, argv,
				sctpnl_set_disable_fragments);
	if (!is_opt(opt, "maxseg", NULL) && !is_opt(opt, "autoclose", NULL) &&
	    !is_opt(opt, "adaptation_layer", "adaptation")) {
		*found = 0;
		return 0;
	}
	if (one_value(opt, argc, argv, &n) || open_handle())
		return 1;
	if (is_opt(opt, "maxseg", NULL))
		return sctpnl_set_maxseg(cli_handle(), k, n);
	if (is_opt(opt, "autoclose", NULL))
		return sctpnl_set_autoclose(cli_handle(), k, n);
	a.adaptation_ind = n;
	SCTPNL_SETF(&a, SCTPNL_SETADAPTATION_ADAPTATION_IND);
	return sctpnl_set_adaptation(cli_handle(), k, &a);
}

static int set_record(struct sctpnl_key *k, const char *opt, int argc,
		      char **argv)
{
	int err, found;

	if (is_opt(opt, "rtoinfo", NULL))
		return set_rtoinfo(k, argc, argv);
	if (is_opt(opt, "associnfo", "assocparams"))
		return set_associnfo(k, argc, argv);
	if (is_opt(opt, "initmsg", NULL))
		return set_initmsg(k, argc, argv);
	if (is_opt(opt, "peer_addr_params", "paddrparams"))
		return set_paddrparams(k, argc, argv);
	if (is_opt(opt, "primary_addr", "primary"))
		return set_primary(k, argc, argv);
	if (is_opt(opt, "set_peer_primary_addr", "peer_primary"))
		return set_peer_primary(k, argc, argv);
	if (is_opt(opt, "delayed_ack_time", "delayed_ack"))
		return set_delayed_ack(k, argc, argv);
	if (is_opt(opt, "default_send_param", "default_send"))
		return set_default_send(k, argc, argv);
	err = set_scalar(k, opt, argc, argv, &found);
	if (found)
		return err;
	if (is_opt(opt, "events", "event_subscribe"))
		return bad_arg("set: %s: the event subscription (sctp_events) "
			       "is the owning process's choice: read-only here "
			       "(sctpctl monitor sees every event anyway)", opt);
	if (is_opt(opt, "status", "get_peer_addr_info"))
		return bad_arg("set: %s: read-only (the association's state)",
			       opt);
	return bad_arg("set: unknown option \"%s\"", opt);
}

int cmd_set(int argc, char **argv)
{
	struct sctpnl_key k;
	const char *opt;
	int err;

	if (take_key(&argc, &argv, &k, "set"))
		return 1;
	if (!argc)
		return bad_arg("%s: missing OPTION", "set");
	opt = argv[0];
	err = set_record(&k, opt, argc - 1, argv + 1);
	/* a usage error above printed its message and returned 1 */
	if (err == 1)
		return 1;
	return err ? fail_admin(err, opt) : 0;
}

int cmd_abort(int argc, char **argv)
{
	const char *reason = NULL;
	struct sctpnl_key k;
	int err;

	if (take_key(&argc, &argv, &k, "abort"))
		return 1;
	if (argc == 2 && !strcmp(argv[0], "reason"))
		reason = argv[1];
	else if (argc)
		return bad_arg("abort: unexpected \"%s\"", argv[0]);
	if (open_handle())
		return 1;
	err = sctpnl_abort(cli_handle(), &k, reason);
	return err ? fail_admin(err, "abort") : 0;
}

int cmd_eof(int argc, char **argv)
{
	struct sctpnl_key k;
	int err;

	if (take_key(&argc, &argv, &k, "eof"))
		return 1;
	if (argc)
		return bad_arg("eof: unexpected \"%s\"", argv[0]);
	if (open_handle())
		return 1;
	err = sctpnl_eof(cli_handle(), &k);
	return err ? fail_admin(err, "eof") : 0;
}

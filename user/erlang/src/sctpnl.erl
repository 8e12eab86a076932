%% SPDX-License-Identifier: LGPL-2.1-or-later
%% @doc Every SCTP association of the node's network namespace, its
%% options, control and events, in the records of gen_sctp
%% (`kernel/include/inet_sctp.hrl').
%%
%% The application talks to the sctpnl kernel module (generic netlink)
%% through a port program over libsctpnl.  An association is named by its
%% assoc id, which the kernel allocates host-wide: the id a gen_sctp owner
%% sees in `#sctp_assoc_change{}' and `#sctp_status{}'.
%%
%% Every function returns `{error, {Reason, Message}}' on failure, never
%% raises: `Reason' is a POSIX atom (`enoent': no such association,
%% `eperm': not allowed, `einval': bad argument...) or `not_loaded' (the
%% kernel module is not loaded), and `Message' the kernel's extended ack
%% text when it sent one, else a description.
%%
%% Reading needs no privilege beyond what the module asks (any user may
%% dump); changing an association, ending it, and subscribing to events
%% need CAP_NET_ADMIN over the namespace.
-module(sctpnl).

-include_lib("kernel/include/inet_sctp.hrl").

-export([associations/0, associations/1,
         getopts/2, setopts/2,
         abort/1, abort/2, eof/1,
         subscribe/0, unsubscribe/0]).

-export_type([assoc_id/0, assoc/0, filter/0, error/0, identity/0]).

-type assoc_id() :: non_neg_integer().
-type error() :: {error, {atom(), string()}}.
%% `{Posix | not_loaded | timeout | noproc | port_exited, Message}'.

-type addr() :: {inet:ip_address(), inet:port_number()}.

-type assoc() :: #{assoc_id := assoc_id(),
                   inode := non_neg_integer(),
                   uid := non_neg_integer(),
                   style := one_to_one | one_to_many | peeled,
                   family := inet | inet6,
                   local => addr(),
                   peer => addr(),
                   local_addrs := [addr()],
                   status => #sctp_status{},
                   paths := [#{info := #sctp_paddrinfo{} | undefined,
                               params := #sctp_paddrparams{} | undefined}],
                   atom() => term()}.
%% One association.  `local' and `peer' are the addresses of its primary
%% path, as the owning socket presents them; `status' has the primary
%% path's `#sctp_paddrinfo{}' nested.  With more `info' (see
%% {@link filter()}) the map also holds `rtoinfo',
%% `assocparams', `initmsg', `delayed_ack', `default_send', `events',
%% `adaptation', `prim' (the records of those options), `maxseg',
%% `nodelay', `autoclose', `disable_fragments', `peer_adaptation_ind'.

-type filter() :: #{lport => inet:port_number(),
                    pport => inet:port_number(),
                    laddr => inet:ip_address(),
                    paddr => inet:ip_address(),
                    states => [atom()],
                    uid => non_neg_integer(),
                    inode => non_neg_integer(),
                    assoc_id => assoc_id(),
                    info => all | [brief | paths | options | stats | misc],
                    batch => pos_integer()}.
%% Only associations matching every key given.  `states' are
%% `#sctp_status.state' atoms (`established', ...).  `info' chooses what
%% is reported (default `[brief, paths]': identity and status); `batch'
%% is the number of associations per message from the port (default: the
%% application's `batch', 256).

-type identity() :: #{assoc_id := assoc_id(),
                      inode := non_neg_integer(),
                      local_port := inet:port_number(),
                      peer_port := inet:port_number(),
                      peer := addr() | undefined,
                      timestamp_ns := non_neg_integer(),
                      type := atom(),
                      abort_data => binary()}.
%% The association an event is about: `inode' of the owning socket (0 if
%% it is closed), `peer' its primary path (undefined if none),
%% `timestamp_ns' CLOCK_REALTIME, `type' the sctpnl event name
%% (`assoc_change', `paddr_change', ...), `abort_data' the causes of the
%% ABORT that ended it, if any.

-define(INFO_BITS, [{brief, 1}, {paths, 2}, {options, 4}, {stats, 8},
                    {misc, 16}]).

%% ------------------------------------------------------------------
%% Associations
%% ------------------------------------------------------------------

%% @equiv associations(#{})
-spec associations() -> {ok, [assoc()]} | error().
associations() ->
    associations(#{}).

%% @doc Every association of the namespace that matches `Filter'.  The
%% kernel walks its tables once; the port sends the associations in
%% batches, so a dump of 20 000 associations is a few dozen messages.
-spec associations(filter() | [{atom(), term()}]) -> {ok, [assoc()]} | error().
associations(Filter) when is_list(Filter) ->
    associations(maps:from_list(Filter));
associations(Filter) when is_map(Filter) ->
    try dump_request(Filter) of
        Req ->
            case sctpnl_server:request(Req, dump) of
                {ok, Batches} ->
                    {ok, [assoc(A) || Batch <- Batches, A <- Batch]};
                Other ->
                    error_reply(Other)
            end
    catch
        throw:{bad_filter, Key} ->
            {error, {einval, "bad filter: " ++ atom_to_list(Key)}}
    end;
associations(_) ->
    {error, {einval, "filter must be a map or a list of pairs"}}.

dump_request(Filter) ->
    Info = info_mask(maps:get(info, Filter, [brief, paths])),
    Batch = maps:get(batch, Filter, application:get_env(sctpnl, batch, 256)),
    is_integer(Batch) andalso Batch > 0 orelse throw({bad_filter, batch}),
    Keys = maps:to_list(maps:without([info, batch], Filter)),
    {dump, [filter_key(K, V) || {K, V} <- Keys], Info, Batch}.

filter_key(K, V) when K =:= lport; K =:= pport ->
    is_integer(V) andalso V >= 0 andalso V < 65536 orelse throw({bad_filter, K}),
    {K, V};
filter_key(K, V) when K =:= laddr; K =:= paddr ->
    case inet:is_ip_address(V) of
        true -> {K, V};
        false -> throw({bad_filter, K})
    end;
filter_key(states, V) when is_list(V) ->
    lists:all(fun is_atom/1, V) orelse throw({bad_filter, states}),
    {states, V};
filter_key(K, V) when (K =:= uid orelse K =:= inode orelse K =:= assoc_id),
                      is_integer(V), V >= 0 ->
    {K, V};
filter_key(K, _) ->
    throw({bad_filter, K}).

info_mask(all) -> 31;
info_mask(L) when is_list(L) ->
    lists:foldl(fun(I, M) ->
                        case lists:keyfind(I, 1, ?INFO_BITS) of
                            {_, B} -> M bor B;
                            false -> throw({bad_filter, info})
                        end
                end, 0, L);
info_mask(_) -> throw({bad_filter, info}).

assoc(Pairs) ->
    M = maps:from_list(Pairs),
    M#{paths := [#{info => I, params => P} || {I, P} <- maps:get(paths, M)]}.

%% ------------------------------------------------------------------
%% Options
%% ------------------------------------------------------------------

%% @doc The options of association `AssocId', exactly as
%% `inet:getopts(Socket, Opts)' on its owning socket returns them.
%%
%% Each option is given in one of gen_sctp's shapes: an atom
%% (`sctp_nodelay', `sctp_maxseg', `sctp_autoclose',
%% `sctp_disable_fragments', `sctp_initmsg', `sctp_events',
%% `sctp_adaptation_layer', and for the association's records
%% `sctp_status', `sctp_rtoinfo', `sctp_associnfo',
%% `sctp_default_send_param', `sctp_delayed_ack_time',
%% `sctp_primary_addr', `sctp_peer_addr_params'), or `{Option, Record}'
%% as gen_sctp wants it (`{sctp_status, #sctp_status{assoc_id = Id}}').
%% The record's `assoc_id' is not needed: `AssocId' names the
%% association.  Per-address options take the peer address from the
%% record: `{sctp_get_peer_addr_info, #sctp_paddrinfo{address = A}}',
%% `{sctp_peer_addr_params, #sctp_paddrparams{address = A}}'.  Without an
%% address `sctp_get_peer_addr_info' gives the primary path, and
%% `sctp_peer_addr_params' fails with `enoprotoopt': the kernel module
%% reports every path's parameters but not the association's own (what
%% getsockopt answers for the wildcard address).
%%
%% Options the module cannot report: `{error, {enoprotoopt, Text}}'.
%% Like `inet:getopts/2', an option the owner's getsockopt would refuse
%% (`sctp_autoclose' on a one-to-one socket) is left out of the list.
-spec getopts(assoc_id(), [atom() | {atom(), tuple()}]) ->
          {ok, [{atom(), term()}]} | error().
getopts(AssocId, Opts) when is_integer(AssocId), AssocId >= 0,
                            is_list(Opts) ->
    case sctpnl_server:request({get, AssocId}, simple) of
        {ok, Pairs} ->
            A = maps:from_list(Pairs),
            try
                {ok, [{O, V} || Opt <- Opts,
                                {O, V} <- [answer(Opt, A)], V =/= omit]}
            catch
                throw:{opt_error, Posix, Msg} -> {error, {Posix, Msg}}
            end;
        Other ->
            error_reply(Other)
    end;
getopts(_AssocId, _Opts) ->
    {error, {einval, "getopts(AssocId :: integer(), Opts :: list())"}}.

answer({Opt, _Rec} = Q, A) when is_atom(Opt) ->
    {Opt, value(Q, A)};
answer(Opt, A) when is_atom(Opt) ->
    {Opt, value(Opt, A)};
answer(Opt, _) ->
    throw({opt_error, einval, lists:flatten(io_lib:format("bad option ~p", [Opt]))}).

value({sctp_get_peer_addr_info, #sctp_paddrinfo{address = Addr}}, A)
  when Addr =/= undefined ->
    path(Addr, info, A);
value({sctp_get_peer_addr_info, _}, A) ->
    Status = need(status, A),
    Status#sctp_status.primary;
value({sctp_peer_addr_params, #sctp_paddrparams{address = Addr}}, A) ->
    case Addr =:= undefined orelse is_wildcard(Addr) of
        true -> no_assoc_paddrparams();
        false -> path(Addr, params, A)
    end;
value({Opt, _Rec}, A) ->
    value(Opt, A);
value(sctp_status, A) -> need(status, A);
value(sctp_rtoinfo, A) -> need(rtoinfo, A);
value(sctp_associnfo, A) -> need(assocparams, A);
value(sctp_initmsg, A) -> need(initmsg, A);
value(sctp_peer_addr_params, _A) -> no_assoc_paddrparams();
value(sctp_default_send_param, A) -> need(default_send, A);
value(sctp_events, A) -> need(events, A);
value(sctp_delayed_ack_time, A) -> need(delayed_ack, A);
value(sctp_adaptation_layer, A) -> need(adaptation, A);
value(sctp_primary_addr, A) -> need(prim, A);
value(sctp_nodelay, A) -> need(nodelay, A);
value(sctp_autoclose, #{style := one_to_one}) ->
    %% getsockopt(SCTP_AUTOCLOSE) fails on a one-to-one socket, and
    %% inet:getopts/2 leaves a failed option out of its list: so do we.
    omit;
value(sctp_autoclose, A) -> need(autoclose, A);
value(sctp_disable_fragments, A) -> need(disable_fragments, A);
value(sctp_maxseg, A) ->
    %% gen_sctp asks the socket (no association id): on a one-to-many
    %% socket that is the socket's own SCTP_MAXSEG, on a one-to-one or
    %% peeled socket the association's fragmentation point.
    case A of
        #{style := one_to_many, sock_maxseg := M} -> M;
        _ -> need(maxseg, A)
    end;
value(Opt, _A) ->
    throw({opt_error, enoprotoopt,
           "option not available through sctpnl: " ++ atom_to_list(Opt)}).

%% The module reports each path's parameters, not the association's own
%% (asoc->hbinterval, pathmaxrxt, pathmtu, param_flags), which is what
%% getsockopt answers for the wildcard address.
no_assoc_paddrparams() ->
    throw({opt_error, enoprotoopt,
           "sctp_peer_addr_params needs a peer address: the kernel module "
           "does not report the association's own parameters"}).

need(Key, A) ->
    case A of
        #{Key := V} -> V;
        _ -> throw({opt_error, enoprotoopt,
                    "the kernel module did not report " ++ atom_to_list(Key)})
    end.

path(Addr, Which, #{paths := Paths}) ->
    case [P || {I, _} = P <- Paths,
               is_tuple(I), I#sctp_paddrinfo.address =:= Addr] of
        [{Info, _} | _] when Which =:= info -> Info;
        [{_, Params} | _] -> Params;
        [] -> throw({opt_error, einval, "no such peer address"})
    end.

is_wildcard({{0,0,0,0}, 0}) -> true;
is_wildcard({{0,0,0,0,0,0,0,0}, 0}) -> true;
is_wildcard(_) -> false.

%% @doc Change options of association `AssocId' as if its owner had
%% called `inet:setopts(Socket, Opts)', with gen_sctp's shapes:
%% `{sctp_rtoinfo, #sctp_rtoinfo{}}', `{sctp_associnfo,
%% #sctp_assocparams{}}', `{sctp_initmsg, #sctp_initmsg{}}',
%% `{sctp_peer_addr_params, #sctp_paddrparams{}}', `{sctp_primary_addr,
%% #sctp_prim{}}', `{sctp_set_peer_primary_addr, #sctp_setpeerprim{}}',
%% `{sctp_adaptation_layer, #sctp_setadaptation{}}',
%% `{sctp_delayed_ack_time, #sctp_assoc_value{}}',
%% `{sctp_default_send_param, #sctp_sndrcvinfo{}}', `{sctp_maxseg,
%% integer()}', `{sctp_nodelay, boolean()}', `{sctp_autoclose,
%% integer()}', `{sctp_disable_fragments, boolean()}'.  Fields left
%% `undefined' keep their value; the records' `assoc_id' is ignored.
%% Options are applied in order; the first failure stops and is returned.
%% Endpoint options (initmsg, nodelay, autoclose, disable_fragments,
%% adaptation layer, maxseg) change the owning socket.  `sctp_events'
%% cannot be set (the module has no setter for it).
-spec setopts(assoc_id(), [{atom(), term()}]) -> ok | error().
setopts(AssocId, Opts) when is_integer(AssocId), AssocId >= 0,
                            is_list(Opts) ->
    set_each(AssocId, Opts);
setopts(_AssocId, _Opts) ->
    {error, {einval, "setopts(AssocId :: integer(), Opts :: list())"}}.

set_each(_Id, []) ->
    ok;
set_each(Id, [{Opt, Val} | Rest]) when is_atom(Opt) ->
    case sctpnl_server:request({set, Id, Opt, Val}, simple) of
        ok -> set_each(Id, Rest);
        Other -> error_reply(Other)
    end;
set_each(_Id, [Bad | _]) ->
    {error, {einval, lists:flatten(io_lib:format("bad option ~p", [Bad]))}}.

%% ------------------------------------------------------------------
%% Ending associations
%% ------------------------------------------------------------------

%% @equiv abort(AssocId, <<>>)
-spec abort(assoc_id()) -> ok | error().
abort(AssocId) ->
    abort(AssocId, <<>>).

%% @doc Abort association `AssocId' (an ABORT chunk with `Reason', at most
%% 255 bytes, as the user-initiated abort cause).  The owner sees
%% `#sctp_assoc_change{state = comm_lost}'.  One-to-one associations
%% cannot be aborted on every kernel: `{error, {eopnotsupp, _}}'.
-spec abort(assoc_id(), iodata()) -> ok | error().
abort(AssocId, Reason) when is_integer(AssocId), AssocId >= 0 ->
    try iolist_to_binary(Reason) of
        Bin when byte_size(Bin) < 256 ->
            error_reply(sctpnl_server:request({abort, AssocId, Bin}, simple));
        _ ->
            {error, {einval, "abort reason longer than 255 bytes"}}
    catch
        error:badarg -> {error, {einval, "abort reason must be iodata"}}
    end;
abort(_AssocId, _Reason) ->
    {error, {einval, "abort(AssocId :: integer(), Reason :: iodata())"}}.

%% @doc Shut association `AssocId' down gracefully (SHUTDOWN once its
%% queued data is acknowledged), as `SCTP_EOF' on its owner's socket.
-spec eof(assoc_id()) -> ok | error().
eof(AssocId) when is_integer(AssocId), AssocId >= 0 ->
    error_reply(sctpnl_server:request({eof, AssocId}, simple));
eof(_AssocId) ->
    {error, {einval, "eof(AssocId :: integer())"}}.

%% ------------------------------------------------------------------
%% Events
%% ------------------------------------------------------------------

%% @doc Deliver every SCTP event of the namespace to the calling process,
%% whatever the owners subscribed to, until {@link unsubscribe/0} or the
%% caller's exit.  Messages:
%%
%% `{sctpnl_event, Identity, Event}': `Event' is the record gen_sctp
%% delivers to the owner (`#sctp_assoc_change{}', `#sctp_paddr_change{}',
%% `#sctp_remote_error{}', `#sctp_send_failed{}', `#sctp_shutdown_event{}',
%% `#sctp_adaptation_event{}', `#sctp_pdapi_event{}'), `Identity' an
%% {@link identity()} map.
%%
%% `{sctpnl_lost, Info}': events were lost, never silently.  `Info' is
%% `#{reason => overrun, overruns => N, kernel_lost => K}' when the
%% receive buffer overflowed (`overruns': times the kernel dropped
%% messages, each an unknown number) or the module could not send (`K'
%% events); totals since the subscription was (re)opened.  `#{reason =>
%% not_loaded, message => Text}' when the kernel module went away;
%% `#{reason => port_restart}' when the port program was restarted.
%%
%% `{sctpnl_resumed, #{}}': the subscription is back after the module was
%% loaded again.
-spec subscribe() -> ok | error().
subscribe() ->
    error_reply(sctpnl_server:subscribe(self())).

%% @doc Stop the calling process's subscription.  Messages already sent
%% stay in its mailbox.
-spec unsubscribe() -> ok | error().
unsubscribe() ->
    error_reply(sctpnl_server:unsubscribe(self())).

%% ------------------------------------------------------------------

error_reply(ok) -> ok;
error_reply({error, Posix, Msg}) when is_binary(Msg) ->
    {error, {Posix, unicode:characters_to_list(Msg)}};
error_reply({error, {_, _}} = E) -> E;
error_reply(Other) -> {error, {unexpected, lists:flatten(io_lib:format("~p", [Other]))}}.

%% SPDX-License-Identifier: LGPL-2.1-or-later
%% @private
%% @doc The gen_server that owns the port program (priv/sctpnl_port).
%%
%% Requests go to the port one at a time, in arrival order; the port
%% answers each before it reads the next, so the answer to the request in
%% flight is the next reply-shaped message.  Event messages of the
%% subscription may come at any time in between and are fanned out to the
%% subscribers (see {@link sctpnl:subscribe/0} for their shapes).
%%
%% If the port program exits, the request in flight gets
%% `{error, {port_exited, Status}}', the port is started again, the
%% subscribers get `{sctpnl_lost, #{reason => port_restart}}' and the
%% subscription is renewed.
-module(sctpnl_server).
-behaviour(gen_server).

-export([start_link/0, request/2, subscribe/1, unsubscribe/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2,
         terminate/2, code_change/3]).

-define(SERVER, ?MODULE).

-type kind() :: simple | dump | {subscribe, pid()} | none.
-type job() :: {gen_server:from() | none, term(), kind()}.

-record(st, {port :: port() | undefined,
             busy = none :: none | {job(), [list()]},
             queue = queue:new() :: queue:queue(job()),
             subs = #{} :: #{pid() => reference()},
             port_subscribed = false :: boolean(),
             restarts = [] :: [integer()]}).

%% ---- API (for sctpnl) ----

-spec start_link() -> {ok, pid()} | ignore | {error, term()}.
start_link() ->
    gen_server:start_link({local, ?SERVER}, ?MODULE, [], []).

%% A request to the port: the reply as the port sent it, {ok, Batches}
%% for a dump, or {error, Reason} if the call itself failed.
-spec request(term(), simple | dump) -> term().
request(Req, Kind) ->
    call({request, Req, Kind}).

-spec subscribe(pid()) -> ok | {error, term()}.
subscribe(Pid) ->
    call({subscribe, Pid}).

-spec unsubscribe(pid()) -> ok | {error, term()}.
unsubscribe(Pid) ->
    call({unsubscribe, Pid}).

call(Msg) ->
    Timeout = application:get_env(sctpnl, call_timeout, 60000),
    try
        gen_server:call(?SERVER, Msg, Timeout)
    catch
        exit:{timeout, _} -> {error, {timeout, "no answer from sctpnl_port"}};
        exit:{noproc, _} -> {error, {noproc, "the sctpnl application is not running"}};
        exit:{Reason, _} -> {error, {Reason, "sctpnl_server failed"}}
    end.

%% ---- gen_server ----

-spec init([]) -> {ok, #st{}} | {stop, term()}.
init([]) ->
    process_flag(trap_exit, true),
    case open() of
        {ok, Port} -> {ok, #st{port = Port}};
        {error, Reason} -> {stop, Reason}
    end.

-spec handle_call(term(), gen_server:from(), #st{}) ->
          {reply, term(), #st{}} | {noreply, #st{}}.
handle_call({request, Req, Kind}, From, St) ->
    {noreply, run(enqueue({From, Req, Kind}, St))};
handle_call({subscribe, Pid}, _From, St = #st{subs = Subs})
  when is_map_key(Pid, Subs) ->
    {reply, ok, St};
handle_call({subscribe, Pid}, From, St = #st{port_subscribed = true}) ->
    gen_server:reply(From, ok),
    {noreply, add_sub(Pid, St)};
handle_call({subscribe, Pid}, From, St) ->
    Rcvbuf = application:get_env(sctpnl, event_rcvbuf, 0),
    {noreply, run(enqueue({From, {subscribe, Rcvbuf}, {subscribe, Pid}}, St))};
handle_call({unsubscribe, Pid}, _From, St) ->
    {reply, ok, drop_sub(Pid, St)};
handle_call(_Msg, _From, St) ->
    {reply, {error, {einval, "unknown request"}}, St}.

-spec handle_cast(term(), #st{}) -> {noreply, #st{}}.
handle_cast(_Msg, St) ->
    {noreply, St}.

-spec handle_info(term(), #st{}) -> {noreply, #st{}} | {stop, term(), #st{}}.
handle_info({Port, {data, Bin}}, St = #st{port = Port}) ->
    {noreply, from_port(binary_to_term(Bin), St)};
handle_info({Port, {exit_status, Status}}, St = #st{port = Port}) ->
    port_down({port_exited, Status}, St);
handle_info({'EXIT', Port, Reason}, St = #st{port = Port}) ->
    port_down({port_exited, Reason}, St);
handle_info({'DOWN', _Ref, process, Pid, _}, St) ->
    {noreply, drop_sub(Pid, St)};
handle_info(_Msg, St) ->
    {noreply, St}.

-spec terminate(term(), #st{}) -> ok.
terminate(_Reason, #st{port = Port}) when is_port(Port) ->
    catch port_close(Port),
    ok;
terminate(_Reason, _St) ->
    ok.

-spec code_change(term(), #st{}, term()) -> {ok, #st{}}.
code_change(_Old, St, _Extra) ->
    {ok, St}.

%% ---- internals ----

port_program() ->
    case application:get_env(sctpnl, port_program, default) of
        default ->
            case code:priv_dir(sctpnl) of
                {error, _} ->
                    %% Not loaded as an application: next to our ebin.
                    Ebin = filename:dirname(code:which(?MODULE)),
                    filename:join([Ebin, "..", "priv", "sctpnl_port"]);
                Priv ->
                    filename:join(Priv, "sctpnl_port")
            end;
        Path ->
            Path
    end.

open() ->
    Prog = port_program(),
    try
        {ok, open_port({spawn_executable, Prog},
                       [{packet, 4}, binary, exit_status, use_stdio])}
    catch
        error:Why -> {error, {cannot_start_port, Prog, Why}}
    end.

enqueue(Job, St = #st{queue = Q}) ->
    St#st{queue = queue:in(Job, Q)}.

%% Send the next queued request if none is in flight.
run(St = #st{busy = none, queue = Q, port = Port}) ->
    case queue:out(Q) of
        {empty, _} ->
            St;
        {{value, Job = {_From, Req, _Kind}}, Q1} ->
            true = port_command(Port, term_to_binary(Req)),
            St#st{busy = {Job, []}, queue = Q1}
    end;
run(St) ->
    St.

from_port({event, Ident, Rec}, St) ->
    fan_out({sctpnl_event, maps:from_list(Ident), Rec}, St);
from_port({lost, Overruns, KernelLost}, St) ->
    fan_out({sctpnl_lost, #{reason => overrun, overruns => Overruns,
                            kernel_lost => KernelLost}}, St);
from_port({monitor_down, Posix, Msg}, St) ->
    fan_out({sctpnl_lost, #{reason => Posix,
                            message => unicode:characters_to_list(Msg)}}, St);
from_port(monitor_up, St) ->
    fan_out({sctpnl_resumed, #{}}, St);
from_port({batch, List}, St = #st{busy = {Job, Acc}}) ->
    St#st{busy = {Job, [List | Acc]}};
from_port({done, _Count}, St = #st{busy = {Job, Acc}}) ->
    done(Job, {ok, lists:reverse(Acc)}, St);
from_port(Reply, St = #st{busy = {Job, _}}) ->
    done(Job, Reply, St);
from_port(_Unexpected, St) ->
    St.

done({From, _Req, {subscribe, Pid}}, ok, St) ->
    reply(From, ok),
    run(add_sub(Pid, St#st{busy = none, port_subscribed = true}));
done({From, {subscribe, _}, none}, ok, St) ->
    reply(From, ok),
    run(St#st{busy = none, port_subscribed = true});
done({From, unsubscribe, _}, ok, St = #st{subs = Subs}) ->
    reply(From, ok),
    St1 = St#st{busy = none, port_subscribed = false},
    %% Someone subscribed while the unsubscribe was queued.
    case map_size(Subs) of
        0 -> run(St1);
        _ -> run(resubscribe(St1))
    end;
done({From, _Req, _Kind}, Reply, St) ->
    reply(From, Reply),
    run(St#st{busy = none}).

resubscribe(St) ->
    Rcvbuf = application:get_env(sctpnl, event_rcvbuf, 0),
    enqueue({none, {subscribe, Rcvbuf}, none}, St).

reply(none, _) -> ok;
reply(From, Reply) -> gen_server:reply(From, Reply).

fan_out(Msg, St = #st{subs = Subs}) ->
    maps:foreach(fun(Pid, _) -> Pid ! Msg end, Subs),
    St.

add_sub(Pid, St = #st{subs = Subs}) ->
    Ref = erlang:monitor(process, Pid),
    St#st{subs = Subs#{Pid => Ref}}.

drop_sub(Pid, St = #st{subs = Subs}) ->
    case maps:take(Pid, Subs) of
        error ->
            St;
        {Ref, Subs1} ->
            erlang:demonitor(Ref, [flush]),
            St1 = St#st{subs = Subs1},
            case map_size(Subs1) =:= 0 andalso St#st.port_subscribed of
                true -> run(enqueue({none, unsubscribe, simple}, St1));
                false -> St1
            end
    end.

%% The port program died: answer the request in flight, start it again
%% (at most 5 times in 10 s, then give up and let the supervisor decide),
%% renew the subscription.
port_down(Why, St = #st{busy = Busy, restarts = R}) ->
    case Busy of
        {{From, _, _}, _} -> reply(From, {error, {Why, "sctpnl_port exited"}});
        none -> ok
    end,
    Now = erlang:monotonic_time(millisecond),
    Recent = [T || T <- R, Now - T < 10000],
    case length(Recent) >= 5 of
        true ->
            {stop, Why, St#st{port = undefined}};
        false ->
            case open() of
                {ok, Port} ->
                    St1 = St#st{port = Port, busy = none,
                                port_subscribed = false,
                                restarts = [Now | Recent]},
                    St2 = case map_size(St#st.subs) of
                              0 ->
                                  St1;
                              _ ->
                                  fan_out({sctpnl_lost,
                                           #{reason => port_restart}}, St1),
                                  resubscribe(St1)
                          end,
                    {noreply, run(St2)};
                {error, Reason} ->
                    {stop, Reason, St#st{port = undefined}}
            end
    end.

"""The Lua scripts of the Redis store: every state change is one script, run atomically by the server.

Each is sent as ``EVALSHA`` and loaded on a ``NOSCRIPT`` reply (redis-py's ``Script`` does both),
so a server that restarted or flushed its scripts costs one extra round trip, never an error.
Eligibility mirrors ``stores._base.eligible`` and row checks mirror ``stores._rows``; the store
behaviour suite runs over every store to keep them in step.
"""

from __future__ import annotations

from typing import Final

from .._credential_state import LATEST_TIME

__all__ = ["ACQUIRE_LIST", "ACQUIRE_SET", "FINISH", "REGISTER", "RENEW"]

# read(skey): the stored hash (HGETALL's flat list), as a table, and whether every field passes its
# check of stores._rows (a malformed row never blocks a key, and is never patched: the next outcome
# replaces it whole). with_fields(flat, fields): the flat list with those fields set, for a reply
# without a second HGETALL. keep(skey, ttl): the state's idle expiry renewed, but written only once it
# has run a day (so a state expires after 29 to 30 idle days). try_grant(...): the eligibility test
# and the grant; the picked row, or nil. Times and lengths written to the server (the lease's expiry
# score, its TTL in ms, the last use) come as the caller's text, not as Lua numbers: formatting a
# number for redis.call costs the server more than the rest of a grant's arithmetic.
_COMMON: Final = f"""
local LATEST = {LATEST_TIME!r}
local function field_ok(k, v)
  if k == 'dead' then return v == '0' or v == '1' end
  if k == 'suspensions' then
    if v == '{{}}' then return true end
    local parsed, t = pcall(cjson.decode, v)
    if not parsed or type(t) ~= 'table' then return false end
    for _, e in pairs(t) do
      local u = type(e) == 'table' and tonumber(e['until'])
      if not u or u ~= u or u < 0 or u > LATEST then return false end
    end
    return true
  end
  if k == 'status_code' then
    local n = tonumber(v)
    return v == '' or (n ~= nil and n >= 100 and n <= 599)
  end
  if k == 'reason' or k == 'error' or k == 'id' then return true end
  local n = tonumber(v)
  if not n or n ~= n or n < 0 or n > 1e15 then return false end
  if k == 'cool_until' or k == 'last_used' then return n <= LATEST end
  return n == math.floor(n)
end
local function read(skey)
  local flat, row, ok = redis.call('HGETALL', skey), {{}}, true
  for j = 1, #flat, 2 do
    row[flat[j]] = flat[j + 1]
    if ok and not field_ok(flat[j], flat[j + 1]) then ok = false end
  end
  return flat, row, ok
end
local function with_fields(flat, fields)
  local left = {{}}
  for k, v in pairs(fields) do left[k] = v end
  for j = 1, #flat, 2 do
    local v = left[flat[j]]
    if v then flat[j + 1], left[flat[j]] = v, nil end
  end
  for k, v in pairs(left) do flat[#flat + 1], flat[#flat + 2] = k, v end
  return flat
end
local function keep(skey, state_ttl)  -- idle expiry back to state_ttl, written at most once a day
  if redis.call('PTTL', skey) < state_ttl - 86400000 then redis.call('PEXPIRE', skey, state_ttl) end
end
local function try_grant(skey, lkey, cap, now, lease, ttl_ms, model, state_ttl, stamp, expiry)
  local flat, row, ok = read(skey)
  if ok then
    if row['dead'] == '1' or (tonumber(row['cool_until']) or 0) > now then return nil end
    local raw = row['suspensions']
    if raw and #raw > 2 then
      local s = cjson.decode(raw)[model]
      if type(s) == 'table' and tonumber(s['until']) > now then return nil end
    end
  end
  if cap >= 0 then
    redis.call('ZREMRANGEBYSCORE', lkey, '-inf', now)
    if redis.call('ZCARD', lkey) >= cap then return nil end
  end
  redis.call('ZADD', lkey, expiry, lease)
  if redis.call('PTTL', lkey) < tonumber(ttl_ms) then redis.call('PEXPIRE', lkey, ttl_ms) end
  if ok then  -- counting on a malformed row would silently rewrite it
    local uses = string.format('%d', (tonumber(row['uses']) or 0) + 1)
    redis.call('HSET', skey, 'uses', uses, 'last_used', stamp)
    flat = with_fields(flat, {{uses = uses, last_used = stamp}})
  end
  keep(skey, state_ttl)
  return flat
end
"""

# KEYS: state and lease key of each candidate, in the order to try. ARGV: now, lease id, lease TTL
# (ms), model, state TTL (ms), the session's affinity key ('' for none), its TTL (ms), the key base
# '{prefix}{pool}:', the lease's expiry (now + its TTL), then one cap per candidate (-1: none). The
# session's remembered key is tried first, and the key granted is remembered. Returns {index, row}
# or 0.
ACQUIRE_LIST: Final = _COMMON + """
local now, lease, ttl_ms, model = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4]
local state_ttl, akey, attl, base = tonumber(ARGV[5]), ARGV[6], ARGV[7], ARGV[8]
local preferred = akey ~= '' and redis.call('GET', akey) or nil
local function attempt(i)
  return try_grant(KEYS[2 * i - 1], KEYS[2 * i], tonumber(ARGV[9 + i]), now, lease, ttl_ms, model, state_ttl, ARGV[1],
                   ARGV[9])
end
local first = 0
if preferred then
  for i = 1, #KEYS / 2 do
    if KEYS[2 * i - 1] == base .. 's:' .. preferred then first = i end
  end
end
local picked, row = 0, first > 0 and attempt(first) or nil
if row then picked = first else
  for i = 1, #KEYS / 2 do
    if i ~= first then
      row = attempt(i)
      if row then picked = i break end
    end
  end
end
if picked == 0 then return 0 end
if akey ~= '' and picked ~= first then
  redis.call('SET', akey, string.sub(KEYS[2 * picked - 1], #base + 3), 'PX', attl)
end
return {picked, row}
"""

# A registered candidate set (see REGISTER). KEYS: ids (list, priority order), caps (hash of
# id -> 'position:cap', cap -1 for none), rr (zset by last use), lu (zset by uses); members of the
# zsets are '%06d:id' so that ties keep the priority order. ARGV: now, lease id, lease TTL (ms),
# model, state TTL (ms), key base '{prefix}{pool}:', order, the session's affinity key ('' for none),
# its TTL (ms), the lease's expiry (now + its TTL). The session's remembered key is tried first;
# then the walk in order, a chunk at a time, stops at the first key it can grant: the cost grows
# with the keys skipped, not with the set. The key granted is remembered for the session. Returns
# {id, row}, 0 (none), or -1 (register).
ACQUIRE_SET: Final = _COMMON + """
local now, lease, ttl_ms, model = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4]
local state_ttl, base, order, akey, attl = tonumber(ARGV[5]), ARGV[6], ARGV[7], ARGV[8], ARGV[9]
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local function attempt(id)
  local entry = redis.call('HGET', KEYS[2], id)
  if not entry then return nil end
  local position, cap = string.match(entry, '^(%d+):(-?%d+)$')
  local row = try_grant(base .. 's:' .. id, base .. 'l:' .. id, tonumber(cap), now, lease, ttl_ms, model, state_ttl,
                        ARGV[1], ARGV[10])
  if row then
    local member = string.format('%06d:%s', tonumber(position), id)
    redis.call('ZADD', KEYS[3], ARGV[1], member)
    redis.call('ZINCRBY', KEYS[4], '1', member)
  end
  return row
end
local function walk()
  local start, chunk = 0, 8
  while true do
    local batch
    if order == 'given' then
      batch = redis.call('LRANGE', KEYS[1], start, start + chunk - 1)
    else
      batch = redis.call('ZRANGE', order == 'round_robin' and KEYS[3] or KEYS[4], start, start + chunk - 1)
    end
    if #batch == 0 then return nil end
    for _, entry in ipairs(batch) do
      local id = order == 'given' and entry or string.sub(entry, 8)
      local row = attempt(id)
      if row then return id, row end
    end
    start, chunk = start + chunk, chunk * 2
  end
end
local preferred = akey ~= '' and redis.call('GET', akey) or nil
local row = preferred and attempt(preferred) or nil
local id = preferred
if not row then id, row = walk() end
if not row then return 0 end
if akey ~= '' and id ~= preferred then redis.call('SET', akey, id, 'PX', attl) end
return {id, row}
"""

# KEYS: as ACQUIRE_SET. ARGV: key base, TTL (ms), then id and cap (-1: none) per candidate in
# priority order. The order sets start from the stored last use and uses of each key.
REGISTER: Final = """
local base, ttl = ARGV[1], tonumber(ARGV[2])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
for j = 3, #ARGV, 2 do
  local id = ARGV[j]
  local member = string.format('%06d:%s', (j - 3) / 2, id)
  local f = redis.call('HMGET', base .. 's:' .. id, 'last_used', 'uses')
  local last, uses = tonumber(f[1]) or 0, tonumber(f[2]) or 0
  if last ~= last then last = 0 end
  if uses ~= uses then uses = 0 end
  redis.call('RPUSH', KEYS[1], id)
  redis.call('HSET', KEYS[2], id, string.format('%d:%s', (j - 3) / 2, ARGV[j + 1]))
  redis.call('ZADD', KEYS[3], last, member)
  redis.call('ZADD', KEYS[4], uses, member)
end
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ttl) end
return 1
"""

# One outcome, atomically: the lease released (ARGV[1], '' for none) and the state changed by the
# operations of stores._base.merge_ops (ARGV[4], JSON), written in one HSET. A malformed stored row
# is replaced whole by ARGV[3] (the change applied to no state), as the next outcome always did; sent
# as '' (the usual case, which does not need it), a malformed row answers -1 for a second call
# with it. Returns the row, or 1 when ARGV[5] is '1' (a deferred success, whose caller reads no row).
FINISH: Final = _COMMON + """
local skey = KEYS[1]
if ARGV[1] ~= '' then redis.call('ZREM', KEYS[2], ARGV[1]) end
local flat, row, ok = read(skey)
if ok then
  local changed, any = {}, false
  local function put(k, v) row[k], changed[k], any = v, v, true end
  for _, op in ipairs(cjson.decode(ARGV[4])) do
    local kind, field = op[1], op[2]
    if kind == 'incr' then
      put(field, string.format('%d', (tonumber(row[field]) or 0) + tonumber(op[3])))
    elseif kind == 'max' then
      if tonumber(op[3]) > (tonumber(row[field]) or 0) then put(field, op[3]) end
    elseif kind == 'set' then
      put(field, op[3])
    else
      local raw = row['suspensions']
      local all = (raw and #raw > 2) and cjson.decode(raw) or {}
      local held = all[field]
      if kind == 'resume' then
        all[field] = nil
      elseif kind == 'place' or type(held) ~= 'table' or tonumber(held['until']) < tonumber(op[3]) then
        all[field] = {['until'] = tonumber(op[3]), reason = op[4]}
      end
      put('suspensions', next(all) == nil and '{}' or cjson.encode(all))
    end
  end
  if any then
    local pairs_ = {}
    for k, v in pairs(changed) do pairs_[#pairs_ + 1], pairs_[#pairs_ + 2] = k, v end
    redis.call('HSET', skey, unpack(pairs_))
    if ARGV[5] ~= '1' then flat = with_fields(flat, changed) end
  end
elseif ARGV[3] == '' then
  return -1
else
  redis.call('DEL', skey)
  flat = {}
  for k, v in pairs(cjson.decode(ARGV[3])) do flat[#flat + 1], flat[#flat + 2] = k, v end
  redis.call('HSET', skey, unpack(flat))
end
keep(skey, tonumber(ARGV[2]))
if ARGV[5] == '1' then return 1 end
return flat
"""

# A live lease's new expiry; the key's TTL only ever grows (other leases on it may live longer).
RENEW: Final = """
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) <= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
local ms = tonumber(ARGV[4])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('PEXPIRE', KEYS[1], ms) end
return 1
"""

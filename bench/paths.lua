-- wrk script: sends GET requests for the paths listed in a file (one per line), in turn, with a Basic
-- Authorization header. Usage: wrk ... -s bench/paths.lua URL -- PATHS_FILE "Basic ..."
local paths = {}
local i = 0
local auth = nil

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  auth = args[2]
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Authorization"] = auth })
end

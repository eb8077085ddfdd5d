# The R side of scripts/bench-r.sh: for each series CSV (interval_start,
# arrivals) written by scripts/benchr, hold out the last TEST_DAYS whole
# days and forecast them with R's forecast package: stlf, mstl + ETS, and
# the plain 6-week average of the same weekday and slot. Prints
# series<TAB>method<TAB>wape, WAPE = sum|y - f| / sum y with forecasts
# clipped at 0 (counts).
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
test_days <- as.integer(args[1])
for (spec in args[-1]) {
  parts <- strsplit(spec, "=")[[1]]          # NAME=PATH@SLOTS_PER_DAY
  name <- parts[1]
  pp <- strsplit(parts[2], "@")[[1]]
  spd <- as.integer(pp[2])
  y <- read.csv(pp[1])$arrivals
  n <- length(y); h <- test_days * spd; p <- 7 * spd
  train <- y[1:(n - h)]; test <- y[(n - h + 1):n]
  x <- msts(train, seasonal.periods = c(spd, p))
  wape <- function(f) sum(abs(test - pmax(as.numeric(f), 0))) / sum(test)
  out <- function(m, f) cat(sprintf("%s\t%s\t%.4f\n", name, m, wape(f)))
  out("R stlf", stlf(x, h = h)$mean)
  out("R mstl + ETS", forecast(mstl(x), method = "ets", h = h)$mean)
  six <- sapply(1:h, function(j) mean(train[n - h + ((j - 1) %% p) + 1 - p * (1:6)]))
  out("6-week average", six)
}

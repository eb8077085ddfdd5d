#!/bin/sh
# Compare staffsim's forecasts with R's forecast package (stlf, mstl + ETS)
# and a 6-week average on the same train/test splits: the last 14 whole
# days of each series are held out. Not run in CI: it installs R.
#
#   scripts/bench-r.sh            # from the repository root
#
# Series: two generated histories (staffsim generate: 30-minute volumes,
# 26 weeks, with and without extra day-to-day noise), the BPI 2013 incidents
# in ../shared/data (hourly, when present; read as incidents, --id-column
# CaseID) and R's `taylor` (half-hourly
# electricity demand, Taylor 2003; exported from the R package, not kept).
# Prints series<TAB>method<TAB>WAPE lines, then the table for docs/accuracy.md.
set -eu
command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(forecast)' >/dev/null 2>&1 || {
	apt-get install -y r-cran-forecast >/dev/null
}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/staffsim" ./cmd/staffsim
"$dir/staffsim" generate --interval 30m --days 182 --holidays none --out "$dir/gen.csv"
"$dir/staffsim" generate --interval 30m --days 182 --holidays none --noise 10% --trend 20% --out "$dir/gen-noisy.csv"
Rscript -e 'data(taylor, package="forecast"); t0 <- as.POSIXct("2000-06-05", tz="UTC"); write.csv(data.frame(interval_start=format(t0 + 1800*(seq_along(taylor)-1), "%Y-%m-%dT%H:%M:%SZ"), arrivals=as.numeric(taylor)), "'"$dir"'/taylor-in.csv", row.names=FALSE, quote=FALSE)'
set -- "generated=$dir/gen.csv@30m" "generated-noisy=$dir/gen-noisy.csv@30m" "electricity=$dir/taylor-in.csv@30m"
rspec="generated=$dir/generated.csv@48 generated-noisy=$dir/generated-noisy.csv@48 electricity=$dir/electricity.csv@48"
bpi=../shared/data/bpi13-incidents/bpi_13_incidents.csv
if [ -f "$bpi" ]; then
	set -- "$@" "bpi13=$bpi@60m,id=CaseID"
	rspec="$rspec bpi13=$dir/bpi13.csv@24"
fi
go run ./scripts/benchr -out "$dir" -test-days 14 "$@" >"$dir/staffsim.tsv"
# shellcheck disable=SC2086
Rscript scripts/bench-r.R 14 $rspec >"$dir/r.tsv"
cat "$dir/staffsim.tsv" "$dir/r.tsv"

// Package cputime reads the process's CPU time, so that benchmarks on a
// machine shared with other work can report throughput per CPU second
// (rows per CPU-second, events per CPU-second) next to wall-clock figures.
package cputime

// Package metricconsts holds a project's metric names, for -constants.
package metricconsts

// JobsStarted names the jobs counter.
const JobsStarted = "app.jobs.started"

const notExported = "app.jobs.hidden"

var _ = notExported

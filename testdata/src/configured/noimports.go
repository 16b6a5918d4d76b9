package configured

// recorder is declared in another file; this file imports nothing.
func done(r recorder) {
	r.AddEvent("journey.FINISHED") // want `hard-coded event name "journey.FINISHED": use tracing.JourneyFinished$`
}

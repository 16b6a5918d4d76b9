package analyzer

func (st *passState) checkSchemaURLs() {}
